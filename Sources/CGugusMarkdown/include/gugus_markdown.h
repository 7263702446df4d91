#ifndef GUGUS_MARKDOWN_H
#define GUGUS_MARKDOWN_H

/// 1 once cmark-gfm's table of special inline characters holds the extensions' characters
/// for good (see gugus_markdown.c): parses may then run at the same time. 0 before the
/// first parse, or when the library does not call the hook (then parses must take turns).
int gugus_markdown_parses_in_parallel(void);

#endif
