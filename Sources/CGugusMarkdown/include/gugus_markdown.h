#ifndef GUGUS_MARKDOWN_H
#define GUGUS_MARKDOWN_H

/// 1 once cmark-gfm's table of special inline characters holds the extensions' characters
/// for good (see gugus_markdown.c): parses may then run at the same time. 0 before the
/// first parse, or when the library does not call the hook (then parses must take turns).
int gugus_markdown_parses_in_parallel(void);

/// Bytes collected by the walks below (malloc'd; free with gugus_markdown_text_free).
typedef struct gugus_markdown_text {
    char *bytes;
    unsigned long length;
    unsigned long capacity;
} gugus_markdown_text;

/// Nodes collected by the document walk (malloc'd with the walk).
typedef struct gugus_markdown_nodes {
    struct cmark_node **nodes;
    unsigned long count;
    unsigned long capacity;
} gugus_markdown_nodes;

/// What one walk over a parsed document finds (see gugus_markdown_walk_document).
typedef struct gugus_markdown_walk {
    /// Text and code literals, a space wherever a block or a line ends.
    gugus_markdown_text text;
    /// The text of the first paragraph that has any.
    gugus_markdown_text first_paragraph;
    /// Headings, in document order.
    gugus_markdown_nodes headings;
    /// Links and images, in document order.
    gugus_markdown_nodes links;
} gugus_markdown_walk;

/// Walks the document once, reading each literal where cmark-gfm keeps it:
/// cmark_node_get_literal makes a NUL-terminated copy of every literal it is asked for (one
/// calloc and copy per text node, freed with the tree). Returns 0 when memory ran out.
int gugus_markdown_walk_document(struct cmark_node *document, gugus_markdown_walk *walk);

/// Appends the text of a node's descendants (text and code literals, a space for each
/// line break) to `text`. Returns 0 when memory ran out.
int gugus_markdown_node_text(struct cmark_node *node, gugus_markdown_text *text);

/// Starts an arena for this thread's next parse and returns the `cmark_mem` to make its
/// parser with (NULL when one is already running on this thread: then parse without).
/// Everything cmark-gfm allocates with it, the rendered HTML included, lives until
/// gugus_markdown_arena_end; its `free` does nothing.
void *gugus_markdown_arena_begin(void);
/// Gives back everything allocated since gugus_markdown_arena_begin.
void gugus_markdown_arena_end(void);

/// A new node of the given type, made with the allocator of `beside` (the tree it goes
/// into): cmark-gfm refuses to join nodes of two allocators.
struct cmark_node *gugus_markdown_node_new_beside(int type, struct cmark_node *beside);

void gugus_markdown_text_free(gugus_markdown_text *text);
void gugus_markdown_walk_free(gugus_markdown_walk *walk);

#endif
