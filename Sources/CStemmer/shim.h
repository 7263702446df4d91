// Snowball's stemmers (Debian libstemmer-dev): Indonesian and English for the search index.
#include <libstemmer.h>
