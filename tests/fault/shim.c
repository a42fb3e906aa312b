/* shim.c: fault injection for the server, preloaded (LD_PRELOAD). Disarmed
 * at start; SIGUSR2 arms it with the kind and N read from the file named
 * by FAULT_FILE ("write 3"), and the Nth call of that kind from then on
 * fails, once:
 *   write   write/pwrite/writev on a regular file: EIO (the database, its
 *           WAL, the keys file; never a socket: the answer must get out,
 *           nor stdout or stderr: the log)
 *   fsync   fsync/fdatasync: EIO
 *   alloc   malloc/calloc/realloc called from SQLite, jansson, libqrencode
 *           or libpng: NULL (libraries that report it; the program's own
 *           allocations, and libharu's, which the program makes for it,
 *           end the process by design: libharu does not survive a failed
 *           one)
 * When it fires it says so on stderr ("fault: fired write 3"), so the test
 * knows whether N was within the request; each arming says "fault: armed". */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

enum kind { NONE, WRITE, FSYNC, ALLOC };

static atomic_int kind;
static atomic_long target, count;
static atomic_int fired;
static char line[64];

/* glibc's own allocator, reached without dlsym (which allocates) */
void *__libc_malloc(size_t n);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t n);

static void
say(const char *what)
{
	char msg[96];
	int n = snprintf(msg, sizeof(msg), "fault: fired %s %ld\n", what,
	                 (long)target);

	syscall(SYS_write, 2, msg, (size_t)n);
}

/* SIGUSR2: read "KIND N" from FAULT_FILE (raw calls: a signal handler) */
static void
arm(int sig)
{
	const char *path = getenv("FAULT_FILE");
	long fd =
	    path != NULL ? syscall(SYS_openat, AT_FDCWD, path, O_RDONLY) : -1;
	long n = fd >= 0 ? syscall(SYS_read, fd, line, sizeof(line) - 1) : 0;
	long at = 0;
	char *p = line;

	(void)sig;
	if (fd >= 0)
		syscall(SYS_close, fd);
	line[n > 0 ? n : 0] = '\0';
	atomic_store(&kind, strncmp(line, "write", 5) == 0   ? WRITE
	                    : strncmp(line, "fsync", 5) == 0 ? FSYNC
	                    : strncmp(line, "alloc", 5) == 0 ? ALLOC
	                                                     : NONE);
	while (*p != '\0' && *p != ' ')
		p++;
	while (*p == ' ')
		p++;
	while (*p >= '0' && *p <= '9')
		at = at * 10 + (*p++ - '0');
	atomic_store(&target, at);
	atomic_store(&count, 0);
	atomic_store(&fired, 0);
	/* the test waits for this before it sends the request (under
	 * valgrind a signal can take a while to be handled) */
	syscall(SYS_write, 2, "fault: armed\n", (size_t)13);
}

__attribute__((constructor)) static void
init(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = arm;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR2, &sa, NULL);
}

/* Is this call the one to fail? */
static int
hit(enum kind k, const char *what)
{
	if (atomic_load(&kind) != (int)k || atomic_load(&fired))
		return 0;
	if (atomic_fetch_add(&count, 1) + 1 != atomic_load(&target))
		return 0;
	atomic_store(&fired, 1);
	say(what);
	return 1;
}

/* A regular file, and not the log: the server's log lines go to stderr,
 * which the test sends to a file, and must not take a fault meant for the
 * database. */
static int
regular(int fd)
{
	struct stat st;

	return fd > STDERR_FILENO && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	if (atomic_load(&kind) == WRITE && regular(fd) && hit(WRITE, "write")) {
		errno = EIO;
		return -1;
	}
	return syscall(SYS_write, fd, buf, n);
}

ssize_t
pwrite64(int fd, const void *buf, size_t n, off_t at)
{
	if (atomic_load(&kind) == WRITE && regular(fd) && hit(WRITE, "write")) {
		errno = EIO;
		return -1;
	}
	return syscall(SYS_pwrite64, fd, buf, n, at);
}

ssize_t
pwrite(int fd, const void *buf, size_t n, off_t at)
{
	return pwrite64(fd, buf, n, at);
}

int
fsync(int fd)
{
	if (hit(FSYNC, "fsync")) {
		errno = EIO;
		return -1;
	}
	return (int)syscall(SYS_fsync, fd);
}

int
fdatasync(int fd)
{
	if (hit(FSYNC, "fsync")) {
		errno = EIO;
		return -1;
	}
	return (int)syscall(SYS_fdatasync, fd);
}

/* Was the allocation asked for by a library that reports a failure? */
static int
from_library(const void *caller)
{
	static const char *const libs[] = { "libsqlite3", "libjansson",
		                            "libqrencode", "libpng" };
	Dl_info info;

	if (dladdr(caller, &info) == 0 || info.dli_fname == NULL)
		return 0;
	for (size_t i = 0; i < sizeof(libs) / sizeof(libs[0]); i++)
		if (strstr(info.dli_fname, libs[i]) != NULL)
			return 1;
	return 0;
}

static int
fail_alloc(const void *caller)
{
	return atomic_load(&kind) == ALLOC && !atomic_load(&fired) &&
	       from_library(caller) && hit(ALLOC, "alloc");
}

void *
malloc(size_t n)
{
	if (fail_alloc(__builtin_return_address(0))) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_malloc(n);
}

void *
calloc(size_t n, size_t size)
{
	if (fail_alloc(__builtin_return_address(0))) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_calloc(n, size);
}

void *
realloc(void *p, size_t n)
{
	if (n > 0 && fail_alloc(__builtin_return_address(0))) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_realloc(p, n);
}
