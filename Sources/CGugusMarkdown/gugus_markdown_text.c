// The plain text of a parsed Markdown document, read where cmark-gfm keeps it.
//
// cmark_node_get_literal turns the literal of the node it is asked for into a C string of
// its own (src/chunk.h, cmark_chunk_to_cstr: calloc, copy, NUL): asked for every text node
// of every page, those copies were the largest part of Gugus' Markdown time on long pages.
// The node's literal is read here from the library's own structure (its installed header,
// node.h, of the same Debian package as the library), with the same length a C string
// copy of it would have (up to its first NUL byte).
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm/node.h>
#include <cmark-gfm/iterator.h>

#include "gugus_markdown.h"

static int append(gugus_markdown_text *text, const char *bytes, size_t length) {
    if (length == 0) return 1;
    if (text->length + length > text->capacity) {
        size_t capacity = text->capacity ? text->capacity : 256;
        while (capacity < text->length + length) capacity *= 2;
        char *grown = realloc(text->bytes, capacity);
        if (grown == NULL) return 0;
        text->bytes = grown;
        text->capacity = capacity;
    }
    memcpy(text->bytes + text->length, bytes, length);
    text->length += length;
    return 1;
}

static int append_node(gugus_markdown_nodes *list, cmark_node *node) {
    if (list->count == list->capacity) {
        size_t capacity = list->capacity ? list->capacity * 2 : 16;
        cmark_node **grown = realloc(list->nodes, capacity * sizeof(cmark_node *));
        if (grown == NULL) return 0;
        list->nodes = grown;
        list->capacity = capacity;
    }
    list->nodes[list->count++] = node;
    return 1;
}

/// What cmark_node_get_literal gives for text, code and code blocks, as bytes: NULL for
/// other types (the same types it answers for, see src/node.c).
static const cmark_chunk *literal(cmark_node *node, cmark_node_type type) {
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) return &node->as.literal;
    if (type == CMARK_NODE_CODE_BLOCK) return &node->as.code.literal;
    return NULL;
}

static int append_literal(gugus_markdown_text *text, const cmark_chunk *chunk) {
    if (chunk->len <= 0 || chunk->data == NULL) return 1;
    return append(text, (const char *)chunk->data, strnlen((const char *)chunk->data, (size_t)chunk->len));
}

int gugus_markdown_node_text(struct cmark_node *node, gugus_markdown_text *text) {
    cmark_iter *iterator = cmark_iter_new(node);
    if (iterator == NULL) return 1;
    int ok = 1;
    cmark_event_type event;
    while (ok && (event = cmark_iter_next(iterator)) != CMARK_EVENT_DONE) {
        cmark_node *child = cmark_iter_get_node(iterator);
        if (event != CMARK_EVENT_ENTER || child == NULL) continue;
        cmark_node_type type = cmark_node_get_type(child);
        if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
            ok = append_literal(text, literal(child, type));
        } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
            ok = append(text, " ", 1);
        }
    }
    cmark_iter_free(iterator);
    return ok;
}

int gugus_markdown_walk_document(struct cmark_node *document, gugus_markdown_walk *walk) {
    cmark_iter *iterator = cmark_iter_new(document);
    if (iterator == NULL) return 1;
    int ok = 1;
    int found_first_paragraph = 0;
    cmark_event_type event;
    while (ok && (event = cmark_iter_next(iterator)) != CMARK_EVENT_DONE) {
        cmark_node *node = cmark_iter_get_node(iterator);
        if (node == NULL) continue;
        cmark_node_type type = cmark_node_get_type(node);
        // The search text: literals, and a space where a line or a block ends.
        if (event == CMARK_EVENT_ENTER) {
            const cmark_chunk *chunk = literal(node, type);
            if (chunk != NULL) {
                ok = append_literal(&walk->text, chunk);
            } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
                ok = append(&walk->text, " ", 1);
            }
        } else if (type != CMARK_NODE_EMPH && type != CMARK_NODE_STRONG && type != CMARK_NODE_LINK) {
            ok = append(&walk->text, " ", 1);
        }
        if (!ok || event != CMARK_EVENT_ENTER) continue;
        if (type == CMARK_NODE_HEADING) {
            ok = append_node(&walk->headings, node);
        } else if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
            ok = append_node(&walk->links, node);
        } else if (type == CMARK_NODE_PARAGRAPH && !found_first_paragraph) {
            walk->first_paragraph.length = 0;
            ok = gugus_markdown_node_text(node, &walk->first_paragraph);
            found_first_paragraph = walk->first_paragraph.length > 0;
        }
    }
    cmark_iter_free(iterator);
    return ok;
}

void gugus_markdown_text_free(gugus_markdown_text *text) {
    free(text->bytes);
    text->bytes = NULL;
    text->length = 0;
    text->capacity = 0;
}

void gugus_markdown_walk_free(gugus_markdown_walk *walk) {
    gugus_markdown_text_free(&walk->text);
    gugus_markdown_text_free(&walk->first_paragraph);
    free(walk->headings.nodes);
    free(walk->links.nodes);
    walk->headings = (gugus_markdown_nodes){0};
    walk->links = (gugus_markdown_nodes){0};
}

struct cmark_node *gugus_markdown_node_new_beside(int type, struct cmark_node *beside) {
    // cmark-gfm joins only nodes made with the same allocator (S_can_contain in src/node.c).
    return cmark_node_new_with_mem((cmark_node_type)type, cmark_node_mem(beside));
}
