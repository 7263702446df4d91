// cmark-gfm keeps one table of special inline characters for the whole process. Each parse
// adds its extensions' characters (`~` for strikethrough, `:` and `w` for autolinks) when it
// starts parsing inlines and removes them when it is done (src/blocks.c, process_inlines),
// so two parses at the same time lose strikethrough and autolinks at random (cmark-gfm
// pull request 176, found with ThreadSanitizer). Gugus attaches the same extensions to
// every parser. This file takes the place of the library's
// cmark_manage_extensions_special_characters, which process_inlines calls through the
// library's PLT: the first call adds the characters with the library's own function, and
// from then on the table stays as it is, so parses no longer write to it and may run on
// every core. Whether the library called this hook at all is reported to Swift, which lets
// parses run together only then.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "gugus_markdown.h"

struct cmark_parser;
typedef void (*gugus_manage_characters)(struct cmark_parser *parser, int add);

static atomic_int characters_set = 0;
static pthread_mutex_t setting = PTHREAD_MUTEX_INITIALIZER;

void cmark_manage_extensions_special_characters(struct cmark_parser *parser, int add) {
    if (!add || atomic_load_explicit(&characters_set, memory_order_acquire)) return;
    pthread_mutex_lock(&setting);
    if (!atomic_load_explicit(&characters_set, memory_order_relaxed)) {
        gugus_manage_characters library =
            (gugus_manage_characters)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
        if (library == NULL) {
            // Only a build that links cmark-gfm statically could get here, and that one
            // fails to link first (two definitions of this function).
            fputs("gugus: cmark-gfm's cmark_manage_extensions_special_characters is missing\n", stderr);
            abort();
        }
        library(parser, 1);
        atomic_store_explicit(&characters_set, 1, memory_order_release);
    }
    pthread_mutex_unlock(&setting);
}

int gugus_markdown_parses_in_parallel(void) {
    return atomic_load_explicit(&characters_set, memory_order_acquire);
}
