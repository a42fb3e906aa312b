/* log.c: the server's log lines. The verification page logs every request
 * (who asked, what it was): through stdio that took a lock all threads
 * queued on and a copy, a tenth of the request. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "server.h"

void
log_line(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	int n = snprintf(line, sizeof(line), "giamkhao: ");

	va_start(ap, fmt);
	n += vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(line) - 2)
		n = (int)sizeof(line) - 2; /* cut, still one line */
	line[n++] = '\n';
	/* a log that cannot be written is not worth failing a request */
	if (write(STDERR_FILENO, line, (size_t)n) < 0)
		return;
}
