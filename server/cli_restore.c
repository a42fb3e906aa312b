/* cli_restore.c: `giamkhao restore --db FILE BACKUP [--force]`, the
 * counterpart of `backup`. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "db/db.h"

static int
usage(enum score_lang lang)
{
	fprintf(stderr, "%s: giamkhao restore --db FILE BACKUP [--force]\n",
	        cli_text(lang, "cách dùng", "usage"));
	return EXIT_BAD_INPUT;
}

/* The one argument that is not an option or its value (NULL when there
 * is none, or more than one, or an unknown option). */
static const char *
positional(int argc, char **argv)
{
	const char *found = NULL;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0) {
			i++;
			continue;
		}
		if (strcmp(argv[i], "--force") == 0)
			continue;
		if (strncmp(argv[i], "--", 2) == 0 || found != NULL)
			return NULL;
		found = argv[i];
	}
	return found;
}

/* Why the backup cannot be restored, in the user's language (stderr). */
static void
report_backup(const char *backup, int verdict, const struct db_file_info *info,
              enum score_lang lang)
{
	switch (verdict) {
	case DB_FILE_UNREADABLE:
		fprintf(stderr, "giamkhao: %s: %s (%s)\n", backup,
		        cli_text(lang,
		                 "không đọc được như một cơ sở dữ liệu SQLite",
		                 "cannot be read as an SQLite database"),
		        info->problem);
		break;
	case DB_FILE_DAMAGED:
		fprintf(stderr, "giamkhao: %s: %s \"%s\"\n", backup,
		        cli_text(lang,
		                 "bản sao lưu bị hỏng; kiểm tra toàn vẹn "
		                 "(integrity_check) báo",
		                 "the backup is damaged; the integrity check "
		                 "says"),
		        info->problem);
		break;
	case DB_FILE_FOREIGN:
		fprintf(
		    stderr, "giamkhao: %s: %s\n", backup,
		    cli_text(lang,
		             "không phải cơ sở dữ liệu của giamkhao (không "
		             "có phiên bản lược đồ)",
		             "not a giamkhao database (no schema version)"));
		break;
	case DB_FILE_NEWER:
		fprintf(stderr, "giamkhao: %s: %s %d, %s (%d); %s\n", backup,
		        cli_text(lang, "lược đồ phiên bản",
		                 "the schema is version"),
		        info->schema,
		        cli_text(lang, "mới hơn của chương trình này",
		                 "newer than this program's"),
		        db_schema_version(),
		        cli_text(lang, "hãy dùng giamkhao mới hơn",
		                 "use a newer giamkhao"));
		break;
	case DB_FILE_CHAIN:
		fprintf(stderr, "giamkhao: %s: %s %lld (%s)\n", backup,
		        cli_text(lang, "chuỗi nhật ký bị đứt tại bản ghi",
		                 "the audit chain breaks at row"),
		        (long long)info->audit_bad,
		        cli_text(lang, "bản sao lưu đã bị sửa hoặc hỏng",
		                 "the backup was altered or damaged"));
		break;
	default:
		break;
	}
	fprintf(stderr, "giamkhao: %s\n",
	        cli_text(lang,
	                 "không khôi phục; cơ sở dữ liệu chưa bị đụng "
	                 "tới",
	                 "nothing restored; the database is untouched"));
}

/* Is `path` there (anything at all)? */
static bool
exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 || errno != ENOENT;
}

/* FILE, or its WAL (a server stopped uncleanly leaves one): whichever is
 * there, or NULL. `wal` holds FILE-wal. */
static const char *
target_present(const char *path, char *wal, size_t size)
{
	snprintf(wal, size, "%s-wal", path);
	if (exists(path))
		return path;
	return exists(wal) ? wal : NULL;
}

/* Is `path` a regular file? If not, why not in *why. */
static bool
is_file(const char *path, const char **why)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		*why = strerror(errno);
		return false;
	}
	*why = "not a regular file";
	return S_ISREG(st.st_mode);
}

/* Are the two paths one file (a restore would read what it writes)? */
static bool
same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* The checks before anything is written: the arguments, the target, the
 * backup. EXIT_OK to go on, with what the backup holds in `info`. */
static int
preflight(const char *path, const char *backup, bool force,
          struct db_file_info *info, enum score_lang lang)
{
	char wal[4096];
	const char *there = target_present(path, wal, sizeof(wal));
	const char *why;
	int verdict;

	if (same_file(path, backup)) {
		fprintf(stderr, "giamkhao: %s: %s\n", backup,
		        cli_text(lang, "bản sao lưu chính là tệp --db",
		                 "the backup is the --db file itself"));
		return EXIT_BAD_INPUT;
	}
	if (there != NULL && !force) {
		fprintf(
		    stderr, "giamkhao: %s: %s\n", there,
		    cli_text(lang,
		             "đã có; khôi phục sẽ ghi đè cơ sở dữ liệu này. "
		             "Hãy dừng máy chủ (giamkhao serve) rồi chạy "
		             "lại với --force",
		             "exists; restoring overwrites this database. "
		             "Stop the server (giamkhao serve) and run "
		             "again with --force"));
		return EXIT_BAD_INPUT;
	}
	if (!is_file(backup, &why)) {
		/* SQLite would only say "unable to open database file" */
		memset(info, 0, sizeof(*info));
		snprintf(info->problem, sizeof(info->problem), "%s", why);
		report_backup(backup, DB_FILE_UNREADABLE, info, lang);
		return EXIT_BAD_INPUT;
	}
	verdict = db_file_check(backup, info);
	if (verdict < 0)
		return EXIT_FAILURE_INTERNAL;
	if (verdict != DB_FILE_OK) {
		report_backup(backup, verdict, info, lang);
		return EXIT_BAD_INPUT;
	}
	return EXIT_OK;
}

/* The restored file checked again as the server will see it, and the
 * summary line; an exit status. */
static int
summary(const char *path, const char *backup, const struct db_file_info *before,
        enum score_lang lang)
{
	struct db_file_info after;
	int verdict = db_file_check(path, &after);
	const char *why = NULL;

	/* SQLite's words are not translated: they are for whoever
	 * investigates, as the database errors logged elsewhere */
	if (verdict < 0)
		why = "error above";
	else if (verdict != DB_FILE_OK)
		why = after.problem[0] != '\0' ? after.problem
		                               : "audit chain, schema";
	else if (!after.wal)
		why = "journal_mode is not WAL";
	else if (after.audit_rows != before->audit_rows)
		why = "audit rows differ from the backup's";
	if (why != NULL) {
		fprintf(stderr, "giamkhao: %s: %s (%s)\n", path,
		        cli_text(lang,
		                 "sau khi khôi phục, tệp không qua kiểm tra",
		                 "the restored file fails its check"),
		        why);
		return EXIT_FAILURE_INTERNAL;
	}
	printf("%s %s %s %s: %lld %s, %lld %s, %lld %s, %lld %s (%s)\n",
	       cli_text(lang, "Đã khôi phục", "Restored"), path,
	       cli_text(lang, "từ", "from"), backup, (long long)after.editions,
	       cli_text(lang, "kỳ thi", "editions"), (long long)after.entries,
	       cli_text(lang, "hồ sơ", "entries"), (long long)after.certs,
	       cli_text(lang, "giấy chứng nhận", "certificates"),
	       (long long)after.audit_rows,
	       cli_text(lang, "bản ghi nhật ký", "audit rows"),
	       cli_text(lang, "chuỗi nguyên vẹn", "the chain holds"));
	return EXIT_OK;
}

/* The signing secrets live beside the database, never in it (README,
 * "Keys"): say so when the restored database has none beside it. */
static void
warn_keys(const char *path, enum score_lang lang)
{
	char keys[4096];

	snprintf(keys, sizeof(keys), "%s.keys", path);
	if (exists(keys))
		return;
	fprintf(stderr, "giamkhao: %s %s: %s\n",
	        cli_text(lang, "cảnh báo: không có", "warning: there is no"),
	        keys,
	        cli_text(lang,
	                 "khóa bí mật ký giấy chứng nhận không nằm trong "
	                 "bản sao lưu; hãy khôi phục tệp đó từ bản sao "
	                 "riêng của nó (chế độ 0600) trước khi cấp giấy "
	                 "chứng nhận",
	                 "the certificates' signing secrets are not in a "
	                 "backup; restore that file from its own copy "
	                 "(mode 0600) before issuing certificates"));
}

int
cmd_restore(int argc, char **argv)
{
	enum score_lang lang = cli_lang();
	const char *path = cli_option(argc, argv, "--db");
	const char *backup = positional(argc, argv);
	bool force = cli_flag(argc, argv, "--force");
	struct db_file_info info;
	int rc;

	if (path == NULL || backup == NULL)
		return usage(lang);
	rc = preflight(path, backup, force, &info, lang);
	if (rc != EXIT_OK)
		return rc;
	rc = db_restore(backup, path);
	if (rc == DB_INUSE) {
		fprintf(stderr, "giamkhao: %s: %s\n", path,
		        cli_text(lang,
		                 "đang được một tiến trình khác mở (máy chủ "
		                 "đang chạy?); hãy dừng máy chủ rồi khôi phục "
		                 "lại. Chưa ghi gì",
		                 "is open in another process (a server "
		                 "running?); stop the server and restore "
		                 "again. Nothing was written"));
		return EXIT_BAD_INPUT;
	}
	if (rc == DB_CONFLICT) {
		fprintf(
		    stderr, "giamkhao: %s: %s\n", path,
		    cli_text(lang,
		             "không mở được như một cơ sở dữ liệu để ghi đè "
		             "(hỏng từ trang đầu?); hãy chuyển nó (cùng tệp "
		             "-wal và -shm, nếu có) sang chỗ khác rồi khôi "
		             "phục lại. Chưa ghi gì",
		             "cannot be opened as a database to overwrite it "
		             "(damaged from its first page?); move it (with "
		             "its -wal and -shm files, if any) elsewhere and "
		             "restore again. Nothing was written"));
		return EXIT_BAD_INPUT;
	}
	if (rc != 0)
		return EXIT_FAILURE_INTERNAL;
	rc = summary(path, backup, &info, lang);
	warn_keys(path, lang);
	return rc;
}
