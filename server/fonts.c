/* fonts.c: the PDF fonts as files. They are compiled into the binary
 * (subsets of Noto Sans and Noto Serif made at build time), but libharu
 * reads fonts only from a path: each is copied once into an anonymous
 * in-memory file (memfd) whose /proc/self/fd path libharu can open.
 * Nothing is written to disk and nothing is left behind when the process
 * ends. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include "assets.h"
#include "server.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char regular[64], bold[64], serif[64], serif_bold[64];

static void
provide(const char *name, char path[64])
{
	const struct asset *a = font_find(name);
	int fd = a != NULL ? memfd_create(name, MFD_CLOEXEC) : -1;
	size_t done = 0;

	if (fd < 0)
		return;
	while (done < a->len) {
		ssize_t n = write(fd, a->data + done, a->len - done);

		if (n <= 0) {
			close(fd);
			return;
		}
		done += (size_t)n;
	}
	/* kept open for the life of the process: the path stays valid */
	snprintf(path, 64, "/proc/self/fd/%d", fd);
}

static void
provide_all(void)
{
	provide("NotoSans-Regular.ttf", regular);
	provide("NotoSans-Bold.ttf", bold);
	provide("NotoSerif-Regular.ttf", serif);
	provide("NotoSerif-Bold.ttf", serif_bold);
}

int
fonts_get(struct pdf_fonts *out)
{
	pthread_once(&once, provide_all);
	out->regular = regular;
	out->bold = bold;
	return regular[0] != '\0' && bold[0] != '\0' ? 0 : -1;
}

int
fonts_serif(struct pdf_fonts *out)
{
	pthread_once(&once, provide_all);
	out->regular = serif;
	out->bold = serif_bold;
	return serif[0] != '\0' && serif_bold[0] != '\0' ? 0 : -1;
}
