/* main.c: the giamkhao command and its table of subcommands. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *help_vi;
	const char *help_en;
};

static const struct command commands[] = {
	{ "results", cmd_results,
	  "results RUBRIC.json SCORES.csv [--format csv|json]\n"
	  "      tính kết quả từ tệp điểm (ngoại tuyến)",
	  "results RUBRIC.json SCORES.csv [--format csv|json]\n"
	  "      compute results from a scores file (offline)" },
	{ "serve", cmd_serve,
	  "serve [--db FILE] [--listen ADDR:PORT] [--secure] [--proxy ADDR]\n"
	  "      chạy máy chủ web (mặc định giamkhao.db, 127.0.0.1:8080);\n"
	  "      --proxy: địa chỉ của proxy TLS phía trước, tin "
	  "X-Forwarded-For "
	  "của nó",
	  "serve [--db FILE] [--listen ADDR:PORT] [--secure] [--proxy ADDR]\n"
	  "      run the web server (default giamkhao.db, 127.0.0.1:8080);\n"
	  "      --proxy: the TLS proxy in front, whose X-Forwarded-For is "
	  "believed" },
	{ "user", cmd_user,
	  "user add --db FILE --login L [--name N] [--role R] [--expert ID]"
	  " < mật khẩu\n"
	  "      tạo tài khoản (admin, organiser, judge; giám khảo gắn với "
	  "chuyên gia ID,\n      là trưởng tiểu ban khi chuyên gia đó chủ trì "
	  "một tiểu ban)",
	  "user add --db FILE --login L [--name N] [--role R] [--expert ID]"
	  " < password\n"
	  "      create an account (admin, organiser, judge; a judge is expert "
	  "ID,\n      and a panel chair when that expert chairs a panel)" },
	{ "demo", cmd_demo,
	  "demo --db FILE [--base URL]\n"
	  "      tạo dữ liệu mẫu (lần đầu) và in đường dẫn đăng nhập",
	  "demo --db FILE [--base URL]\n"
	  "      create demo data (first time) and print login links" },
	{ "login-link", cmd_login_link,
	  "login-link --db FILE --login L [--hours 24] [--base URL]\n"
	  "      in một đường dẫn đăng nhập dùng một lần",
	  "login-link --db FILE --login L [--hours 24] [--base URL]\n"
	  "      print a single-use login link" },
	{ "export-scores", cmd_export_scores,
	  "export-scores --db FILE --edition ID [--rubric OUT.json]\n"
	  "      in các phiếu được tính điểm (CSV ngoại tuyến), và bộ tiêu chí",
	  "export-scores --db FILE --edition ID [--rubric OUT.json]\n"
	  "      print the counted sheets (offline CSV), and the rubric" },
	{ "audit", cmd_audit, "audit verify --db FILE  kiểm tra chuỗi nhật ký",
	  "audit verify --db FILE  check the hash-chained audit log" },
	{ "backup", cmd_backup,
	  "backup --db FILE OUT   sao lưu trực tuyến (khi máy chủ đang chạy)",
	  "backup --db FILE OUT   online backup (while the server runs)" },
	{ "restore", cmd_restore,
	  "restore --db FILE BACKUP [--force]\n"
	  "      khôi phục bản sao lưu vào FILE (đã kiểm tra trước; dừng máy "
	  "chủ trước)",
	  "restore --db FILE BACKUP [--force]\n"
	  "      restore a backup into FILE (checked first; stop the server "
	  "first)" },
	{ "routes", cmd_routes,
	  "routes                 liệt kê các đường dẫn web",
	  "routes                 list the web routes" },
	{ "certificate-sample", cmd_certificate_sample,
	  "certificate-sample --out FILE.pdf [--count N] [--youth] [--letters]"
	  "\n      [--seal FILE.png]  in giấy chứng nhận mẫu (thử bố cục)",
	  "certificate-sample --out FILE.pdf [--count N] [--youth] [--letters]"
	  "\n      [--seal FILE.png]  print sample certificates (try the "
	  "layout)" },
	{ "certificates", cmd_certificates,
	  "certificates --db FILE --edition ID --out DIR [--collective]\n"
	  "      [--pdf each|print|both]  cấp giấy chứng nhận theo quyết định "
	  "khen\n      thưởng, ghi từng PDF (mọi lõi CPU) và print.pdf để in",
	  "certificates --db FILE --edition ID --out DIR [--collective]\n"
	  "      [--pdf each|print|both]  issue the certificates of the award "
	  "decision,\n      write each PDF (on every core) and print.pdf for "
	  "printing" },
	{ "keys", cmd_keys,
	  "keys --db FILE list | new | retire ID | revoke ID --reason LÝ_DO |\n"
	  "      export KEYS.json  các khóa ký chứng nhận (bí mật trong "
	  "FILE.keys)",
	  "keys --db FILE list | new | retire ID | revoke ID --reason TEXT |\n"
	  "      export KEYS.json  the certificates' signing keys (secrets in "
	  "FILE.keys)" },
	{ "verify", cmd_verify,
	  "verify MÃ|URL --keys KEYS.json [--facts FACTS.json | --server URL]"
	  "\n      kiểm tra mã chứng nhận (0 hợp lệ, 2 không hợp lệ, 1 lỗi "
	  "khác)",
	  "verify CODE|URL --keys KEYS.json [--facts FACTS.json | --server URL]"
	  "\n      check a certificate's code (0 genuine, 2 not valid, 1 other "
	  "failure)" },
	/* hidden (no help): a signed code for the tests */
	{ "vcode-sample", cmd_vcode_sample, NULL, NULL },
	{ "rubric", cmd_rubric,
	  "rubric check FILE   kiểm tra bộ tiêu chí và in tóm tắt\n"
	  "  rubric format FILE  in bộ tiêu chí dạng chuẩn (mọi khóa)",
	  "rubric check FILE   validate a rubric and print a summary\n"
	  "  rubric format FILE  print the rubric in canonical form" },
};

static int
help(FILE *fp, enum score_lang lang)
{
	fprintf(fp, "giamkhao %s: %s\n\n", SCORE_VERSION,
	        cli_text(lang, "hệ thống chấm thi và xét giải",
	                 "contest and award judging"));
	fprintf(fp, "%s:\n", cli_text(lang, "Lệnh", "Commands"));
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (commands[i].help_vi != NULL)
			fprintf(fp, "  %s\n",
			        cli_text(lang, commands[i].help_vi,
			                 commands[i].help_en));
	fprintf(
	    fp, "  --help, --version\n\n%s\n",
	    cli_text(lang,
	             "Trạng thái thoát: 0 thành công, 2 dữ liệu vào sai, 1 lỗi "
	             "khác.",
	             "Exit status: 0 success, 2 bad input, 1 other failure."));
	return EXIT_OK;
}

int
main(int argc, char **argv)
{
	enum score_lang lang = cli_lang();

	/* libsodium before any thread exists (design.md) */
	if (sodium_init() < 0) {
		fprintf(stderr, "giamkhao: libsodium failed to initialise\n");
		return EXIT_FAILURE_INTERNAL;
	}
	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0)
		return help(argc < 2 ? stderr : stdout, lang) +
		       (argc < 2 ? EXIT_BAD_INPUT : 0);
	if (strcmp(argv[1], "--version") == 0) {
		printf("giamkhao %s\n", SCORE_VERSION);
		return EXIT_OK;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "giamkhao: %s \"%s\" (giamkhao --help)\n",
	        cli_text(lang, "không có lệnh", "unknown command"), argv[1]);
	return EXIT_BAD_INPUT;
}
