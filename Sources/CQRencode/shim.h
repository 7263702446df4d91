// libqrencode (Debian libqrencode-dev): the QR codes of the annual report's appendix.
#include <qrencode.h>
