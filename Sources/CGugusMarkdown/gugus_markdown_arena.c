// Memory for one Markdown parse, taken from large blocks and given back all at once.
//
// cmark-gfm allocates every node, every buffer and every copy with calloc, realloc and free
// (through the `cmark_mem` a parser is made with), and frees them one by one with the tree:
// on Gugus' long-page benchmark, malloc and free took about a fifth of the whole build.
// cmark-gfm offers an arena of its own (`cmark_get_arena_mem_allocator`), but one for the
// whole process, and Gugus parses on every core; this one belongs to the thread that parses.
// Between gugus_markdown_arena_begin and gugus_markdown_arena_end, allocations are carved
// from 64 KiB blocks (larger requests get a block of their own), `free` does nothing, and
// the end returns every block.
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "gugus_markdown.h"

enum {
    block_size = 64 * 1024,
    // Each allocation is preceded by its size, padded so that what follows stays aligned
    // as malloc's would be.
    header_size = 16,
    alignment = 16,
};

typedef struct block {
    struct block *previous;
    size_t size;
    size_t used;
    alignas(16) unsigned char bytes[];
} block;

typedef struct arena {
    block *current;
    /// The last allocation of `current`, which realloc may grow in place.
    unsigned char *last;
    int active;
} arena;

static _Thread_local arena local;

static void out_of_memory(void) {
    fputs("gugus: out of memory while reading Markdown\n", stderr);
    abort();
}

static size_t padded(size_t size) {
    if (size > SIZE_MAX / 2) out_of_memory();
    return (size + alignment - 1) & ~(size_t)(alignment - 1);
}

static void *take(size_t size) {
    size_t need = header_size + padded(size);
    block *current = local.current;
    if (current == NULL || current->size - current->used < need) {
        if (need > block_size) {
            // A block of its own, behind the current one, which goes on filling.
            block *own = malloc(sizeof(block) + need);
            if (own == NULL) out_of_memory();
            own->size = need;
            own->used = need;
            if (current != NULL) {
                own->previous = current->previous;
                current->previous = own;
            } else {
                own->previous = NULL;
                local.current = own;
            }
            memcpy(own->bytes, &size, sizeof size);
            return own->bytes + header_size;
        }
        block *fresh = malloc(sizeof(block) + block_size);
        if (fresh == NULL) out_of_memory();
        fresh->size = block_size;
        fresh->used = 0;
        fresh->previous = current;
        local.current = fresh;
        current = fresh;
    }
    unsigned char *start = current->bytes + current->used;
    current->used += need;
    memcpy(start, &size, sizeof size);
    local.last = start + header_size;
    return local.last;
}

static size_t size_of(const void *pointer) {
    size_t size;
    memcpy(&size, (const unsigned char *)pointer - header_size, sizeof size);
    return size;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) out_of_memory();
    void *pointer = take(count * size);
    memset(pointer, 0, count * size);
    return pointer;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return take(size);
    size_t old = size_of(pointer);
    if (size <= old) return pointer;
    block *current = local.current;
    unsigned char *bytes = pointer;
    // The last allocation of the current block grows where it is when the block has room.
    if (bytes == local.last && current != NULL && bytes > current->bytes && bytes <= current->bytes + current->used) {
        size_t offset = (size_t)(bytes - current->bytes);
        size_t end = offset + padded(size);
        if (end <= current->size) {
            current->used = end;
            memcpy(bytes - header_size, &size, sizeof size);
            return bytes;
        }
    }
    void *moved = take(size);
    memcpy(moved, pointer, old);
    return moved;
}

static void arena_free(void *pointer) { (void)pointer; }

static cmark_mem arena_memory = {arena_calloc, arena_realloc, arena_free};

void *gugus_markdown_arena_begin(void) {
    if (local.active) return NULL;
    local.active = 1;
    return &arena_memory;
}

void gugus_markdown_arena_end(void) {
    block *current = local.current;
    while (current != NULL) {
        block *previous = current->previous;
        free(current);
        current = previous;
    }
    local.current = NULL;
    local.last = NULL;
    local.active = 0;
}
