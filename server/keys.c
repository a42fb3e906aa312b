/* keys.c: the certificates' signing keys: the secret parts in a private
 * file beside the database (never in it), the public parts in it, and
 * the key to sign with (keys_json.c publishes the public parts). */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../certificates/vcode.h"
#include "server.h"

/* 255 lines of "255 <64 hex digits>\n" fit with room to spare. */
#define KEYS_FILE_MAX ((size_t)32 * 1024)

struct key_secret {
	bool present;
	unsigned char seed[32];
	unsigned char pk[32];
	unsigned char sk[64];
};

/* Slots by key id (slot id - 1), so what a slot holds never moves. */
struct keyring {
	pthread_mutex_t lock;
	char *path;
	enum score_lang lang;
	struct key_secret *keys; /* KEYS_MAX slots, locked in memory */
};

static const char *
tr(const struct keyring *kr, const char *vi, const char *en)
{
	return kr->lang == SCORE_LANG_VI ? vi : en;
}

/* Parses one line "ID HEX" (len bytes, no newline) into its slot. */
static int
parse_line(const struct keyring *kr, struct key_secret *slots, const char *line,
           size_t len, size_t lineno)
{
	struct key_secret *k;
	size_t bin = 0, i = 0;
	unsigned id = 0;
	const char *end = NULL;

	while (i < len && i < 3 && line[i] >= '0' && line[i] <= '9')
		id = id * 10 + (unsigned)(line[i++] - '0');
	if (i == 0 || line[0] == '0' || id > KEYS_MAX || i + 65 != len ||
	    line[i] != ' ')
		goto bad;
	k = &slots[id - 1];
	if (k->present)
		goto bad;
	if (sodium_hex2bin(k->seed, 32, line + i + 1, 64, NULL, &bin, &end) !=
	        0 ||
	    bin != 32 || end != line + len)
		goto bad;
	crypto_sign_seed_keypair(k->pk, k->sk, k->seed);
	k->present = true;
	return 0;
bad:
	fprintf(stderr, "giamkhao: %s: %s %zu\n", kr->path,
	        tr(kr, "tệp khóa bí mật hỏng ở dòng",
	           "the secret keys file is damaged at line"),
	        lineno);
	return -1;
}

static int
parse_file(const struct keyring *kr, struct key_secret *slots, const char *data,
           size_t len)
{
	size_t start = 0, lineno = 1;

	while (start < len) {
		const char *nl = memchr(data + start, '\n', len - start);
		size_t end = nl != NULL ? (size_t)(nl - data) : len;

		if (end > start && parse_line(kr, slots, data + start,
		                              end - start, lineno) != 0)
			return -1;
		start = end + 1;
		lineno++;
	}
	return 0;
}

/* Is the open file one only its owner may read and write? */
static int
check_private(struct keyring *kr, int fd)
{
	struct stat st;

	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		fprintf(
		    stderr, "giamkhao: %s: %s\n", kr->path,
		    tr(kr, "không phải một tệp thường", "not a regular file"));
		return -1;
	}
	if ((st.st_mode & 077) != 0) {
		fprintf(
		    stderr, "giamkhao: %s: %s (%04o): %s chmod 600 %s\n",
		    kr->path,
		    tr(kr,
		       "tệp khóa bí mật cho phép nhóm hoặc người khác truy "
		       "cập, nên không được dùng",
		       "the secret keys file is open to group or others, so "
		       "it is not used"),
		    (unsigned)(st.st_mode & 07777), tr(kr, "hãy chạy", "run"),
		    kr->path);
		return -1;
	}
	return 0;
}

/* Reads the file's keys into the empty slots (a missing file has none).
 * A slot already filled must hold the same seed. */
static int
load(struct keyring *kr)
{
	char *data = xmalloc(KEYS_FILE_MAX + 1);
	struct key_secret *fresh;
	size_t len = 0;
	ssize_t got = 1;
	int fd, rc = -1;

	sodium_mlock(data, KEYS_FILE_MAX + 1);
	fresh = xcalloc(KEYS_MAX, sizeof(*fresh));
	sodium_mlock(fresh, KEYS_MAX * sizeof(*fresh));
	fd = open(kr->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT) {
		rc = 0;
		goto out;
	}
	if (fd < 0) {
		fprintf(stderr, "giamkhao: %s: %s\n", kr->path,
		        strerror(errno));
		goto out;
	}
	if (check_private(kr, fd) != 0)
		goto out;
	while (got > 0 && len <= KEYS_FILE_MAX) {
		got = read(fd, data + len, KEYS_FILE_MAX + 1 - len);
		if (got > 0)
			len += (size_t)got;
	}
	if (got < 0 || len > KEYS_FILE_MAX) {
		fprintf(stderr, "giamkhao: %s: %s\n", kr->path,
		        tr(kr, "không đọc được tệp khóa bí mật",
		           "cannot read the secret keys file"));
		goto out;
	}
	rc = parse_file(kr, fresh, data, len);
	for (unsigned i = 0; rc == 0 && i < KEYS_MAX; i++) {
		struct key_secret *have = &kr->keys[i], *got_k = &fresh[i];

		if (!got_k->present)
			continue;
		if (have->present &&
		    sodium_memcmp(have->seed, got_k->seed, 32) != 0) {
			fprintf(stderr, "giamkhao: %s: %s %u\n", kr->path,
			        tr(kr, "tệp đã thay đổi khóa bí mật",
			           "the file changed the secret of key"),
			        i + 1);
			rc = -1;
		} else if (!have->present) {
			*have = *got_k;
		}
	}
out:
	if (fd >= 0)
		close(fd);
	sodium_munlock(fresh, KEYS_MAX * sizeof(*fresh)); /* wipes it */
	free(fresh);
	sodium_munlock(data, KEYS_FILE_MAX + 1);
	free(data);
	return rc;
}

struct keyring *
keys_open(const char *db_path, enum score_lang lang)
{
	struct keyring *kr = xcalloc(1, sizeof(*kr));
	size_t n = strlen(db_path) + sizeof(".keys");

	pthread_mutex_init(&kr->lock, NULL);
	kr->path = xmalloc(n);
	snprintf(kr->path, n, "%s.keys", db_path);
	kr->lang = lang;
	kr->keys = xcalloc(KEYS_MAX, sizeof(*kr->keys));
	sodium_mlock(kr->keys, KEYS_MAX * sizeof(*kr->keys));
	if (load(kr) != 0) {
		keys_free(kr);
		return NULL;
	}
	return kr;
}

void
keys_free(struct keyring *kr)
{
	if (kr == NULL)
		return;
	/* sodium_munlock wipes before unlocking (also when never locked) */
	sodium_memzero(kr->keys, KEYS_MAX * sizeof(*kr->keys));
	sodium_munlock(kr->keys, KEYS_MAX * sizeof(*kr->keys));
	free(kr->keys);
	pthread_mutex_destroy(&kr->lock);
	free(kr->path);
	free(kr);
}

const char *
keys_file(const struct keyring *kr)
{
	return kr->path;
}

bool
keys_has_secret(struct keyring *kr, unsigned id)
{
	bool has;

	if (id < 1 || id > KEYS_MAX)
		return false;
	pthread_mutex_lock(&kr->lock);
	has = kr->keys[id - 1].present;
	pthread_mutex_unlock(&kr->lock);
	return has;
}

static int
write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Makes a rename durable: syncs the directory holding `path`. */
static void
sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash == NULL ? xstrdup(".")
	                          : xstrndup(path, (size_t)(slash - path) + 1);
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* The file's text: "ID HEX\n" for each key held (locked, wiped by the
 * caller). */
static size_t
file_text(const struct keyring *kr, char *text, size_t size)
{
	size_t len = 0;

	for (unsigned i = 0; i < KEYS_MAX; i++) {
		if (!kr->keys[i].present)
			continue;
		len += (size_t)snprintf(text + len, size - len, "%u ", i + 1);
		sodium_bin2hex(text + len, size - len, kr->keys[i].seed, 32);
		len += 64;
		text[len++] = '\n';
	}
	return len;
}

/* Writes every key held to the file: a new file beside it (created 0600,
 * never through a link), synced, then renamed over it. */
static int
save(struct keyring *kr)
{
	const int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
	size_t n = strlen(kr->path) + sizeof(".tmp"), len;
	char *tmp = xmalloc(n), *text = xmalloc(KEYS_FILE_MAX);
	int fd, rc = -1;

	snprintf(tmp, n, "%s.tmp", kr->path);
	sodium_mlock(text, KEYS_FILE_MAX);
	len = file_text(kr, text, KEYS_FILE_MAX);
	fd = open(tmp, flags, 0600);
	if (fd < 0 && errno == EEXIST) {
		/* left by a crash: writers hold the database's write lock,
		 * so no one else is writing it now */
		unlink(tmp);
		fd = open(tmp, flags, 0600);
	}
	if (fd >= 0 && fchmod(fd, 0600) == 0 && write_all(fd, text, len) == 0 &&
	    fsync(fd) == 0) {
		rc = close(fd);
		fd = -1;
		if (rc == 0)
			rc = rename(tmp, kr->path);
	}
	if (rc != 0) {
		fprintf(stderr, "giamkhao: %s: %s: %s\n", tmp,
		        tr(kr, "không ghi được tệp khóa bí mật",
		           "cannot write the secret keys file"),
		        strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
	} else {
		sync_dir(kr->path);
	}
	sodium_munlock(text, KEYS_FILE_MAX); /* wipes it */
	free(text);
	free(tmp);
	return rc == 0 ? 0 : -1;
}

/* What the database says about its keys: the largest id, and the newest
 * key neither retired nor revoked (0: none) with its public part. */
struct key_scan {
	unsigned max;
	unsigned active;
	int64_t active_at;
	uint8_t active_pk[32];
};

static int
scan_key(const struct db_signing_key *k, void *arg)
{
	struct key_scan *s = arg;

	if (k->id > s->max)
		s->max = k->id;
	if (k->retired_at == 0 && k->revoked_at == 0 &&
	    (s->active == 0 || k->created_at >= s->active_at)) {
		s->active = k->id;
		s->active_at = k->created_at;
		memcpy(s->active_pk, k->public_key, 32);
	}
	return 0;
}

/* Adds the secret to the file, then the public part to the database. */
static int
add_key(struct keyring *kr, struct db_tx *tx, unsigned id)
{
	struct key_secret *slot = &kr->keys[id - 1];
	struct db_signing_key k;

	randombytes_buf(slot->seed, sizeof(slot->seed));
	crypto_sign_seed_keypair(slot->pk, slot->sk, slot->seed);
	slot->present = true;
	/* the secret first: a crash after this leaves an unused secret in
	 * the file, never a public key whose secret was lost */
	if (save(kr) != 0) {
		sodium_memzero(slot, sizeof(*slot));
		return -1;
	}
	memset(&k, 0, sizeof(k));
	k.id = id;
	memcpy(k.public_key, slot->pk, 32);
	k.created_at = (int64_t)time(NULL);
	return db_key_add(tx, &k) == 0 ? 0 : -1;
}

/* Makes a new key (kr->lock held). With only_if_none, returns the key to
 * sign with instead when there is one by now. */
static int
create(struct keyring *kr, struct db *db, const struct db_actor *actor,
       bool only_if_none, unsigned *id)
{
	struct key_scan scan;
	struct db_tx *tx = db_begin(db, actor);

	if (tx == NULL)
		return -1;
	memset(&scan, 0, sizeof(scan));
	/* under the database's write lock no other process adds a key; the
	 * file is read again for the keys others added before */
	if (db_key_each_tx(tx, scan_key, &scan) != 0 || load(kr) != 0)
		goto fail;
	if (only_if_none && scan.active != 0) {
		db_rollback(tx);
		*id = scan.active;
		return 0;
	}
	for (unsigned i = scan.max; i < KEYS_MAX; i++)
		if (kr->keys[i].present)
			scan.max =
			    i + 1; /* a secret saved, its row never was */
	if (scan.max >= KEYS_MAX) {
		fprintf(stderr, "giamkhao: %s\n",
		        tr(kr, "đã dùng hết 255 số hiệu khóa",
		           "all 255 key ids are used"));
		goto fail;
	}
	if (add_key(kr, tx, scan.max + 1) != 0)
		goto fail;
	*id = scan.max + 1;
	return db_commit(tx) == 0 ? 0 : -1;
fail:
	db_rollback(tx);
	return -1;
}

int
keys_new(struct keyring *kr, struct db *db, const struct db_actor *actor,
         unsigned *id)
{
	int rc;

	pthread_mutex_lock(&kr->lock);
	rc = create(kr, db, actor, false, id);
	pthread_mutex_unlock(&kr->lock);
	return rc;
}

/* The key to sign with, its secret at hand (kr->lock held). */
static int
current(struct keyring *kr, struct db *db, const struct db_actor *actor,
        unsigned *id)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		struct key_scan scan;
		struct db_read *rd = db_read_begin(db);
		struct key_secret *slot;
		int rc;

		memset(&scan, 0, sizeof(scan));
		rc = db_key_each(rd, scan_key, &scan);
		db_read_end(rd);
		if (rc != 0)
			return -1;
		if (scan.active == 0) {
			if (create(kr, db, actor, true, id) != 0)
				return -1;
			continue; /* read it back like any other */
		}
		slot = &kr->keys[scan.active - 1];
		if (!slot->present && load(kr) != 0)
			return -1;
		if (!slot->present ||
		    sodium_memcmp(slot->pk, scan.active_pk, 32) != 0) {
			fprintf(stderr, "giamkhao: %s: %s %u\n", kr->path,
			        tr(kr,
			           "không có (hoặc sai) khóa bí mật của khóa",
			           "lacks (or has a wrong) secret for key"),
			        scan.active);
			return -1;
		}
		*id = scan.active;
		return 0;
	}
	return -1;
}

int
keys_current(struct keyring *kr, struct db *db, const struct db_actor *actor,
             unsigned *id)
{
	int rc;

	pthread_mutex_lock(&kr->lock);
	rc = current(kr, db, actor, id);
	pthread_mutex_unlock(&kr->lock);
	return rc;
}

int
keys_sign(struct keyring *kr, struct db *db, const struct db_actor *actor,
          uint32_t serial, const unsigned char digest[32], struct vcode *out)
{
	unsigned id = 0;
	int rc;

	pthread_mutex_lock(&kr->lock);
	rc = current(kr, db, actor, &id);
	if (rc == 0)
		rc = vcode_sign(kr->keys[id - 1].sk, id, serial, digest, out);
	pthread_mutex_unlock(&kr->lock);
	return rc;
}

int
keys_sign_with(struct keyring *kr, unsigned id, uint32_t serial,
               const unsigned char digest[32], struct vcode *out)
{
	int rc = -1;

	pthread_mutex_lock(&kr->lock);
	if (id >= 1 && id <= KEYS_MAX && kr->keys[id - 1].present)
		rc = vcode_sign(kr->keys[id - 1].sk, id, serial, digest, out);
	pthread_mutex_unlock(&kr->lock);
	return rc;
}
