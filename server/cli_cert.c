/* cli_cert.c: `giamkhao certificate-sample --out FILE.pdf [--count N]`:
 * sample certificates with made-up Vietnamese data, for trying the
 * layout and for the tests and benchmarks of certificates/. --youth: the
 * youth contest's (birth date, school); --seal FILE.png; --letters: the
 * 134 Vietnamese letters as the name and the title. For the tests, the
 * first certificate's --recipient and --url, --letter-grid (the letters on
 * a grid, certificates.h) and --font-regular/--font-bold FILE.ttf. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "server.h"

#define MAX_COUNT  1000
#define MAX_SEAL   ((size_t)4 << 20)
#define CODE_CHARS 112

/* Every lower-case letter with a Vietnamese diacritic (67), and the
 * same in capitals. */
static const char lower[] =
    "à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ đ è é ẻ ẽ ẹ ê ề ế ể ễ ệ ì í ỉ ĩ ị "
    "ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ ù ú ủ ũ ụ ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ";
static const char upper[] =
    "À Á Ả Ã Ạ Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ Đ È É Ẻ Ẽ Ẹ Ê Ề Ế Ể Ễ Ệ Ì Í Ỉ Ĩ Ị "
    "Ò Ó Ỏ Õ Ọ Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử Ữ Ự Ỳ Ý Ỷ Ỹ Ỵ";

static const char *const names[] = {
	"Nguyễn Thị Phương Thảo",
	"Trần Quốc Huy",
	"Lê Hoàng Yến",
	"Phạm Đức Mạnh",
	"Hoàng Thị Ngọc Ánh",
	"Vũ Minh Tuấn",
	"Đặng Thùy Dương",
	"Bùi Xuân Trường",
	"Đỗ Thị Hương Giang",
	"Ngô Quang Khải",
	"Dương Văn Lộc",
	"Lý Thị Mỷ",
	"Vương Đình Hiếu",
	"Triệu Thị Kiều Oanh",
	"Giàng A Sử",
	"Sùng Mí Chứ",
	"Lò Văn Ướng",
	"Hầu Thị Dở",
	"Nông Đức Tiến",
	"Ma Thị Ỷ",
};

static const char *const titles[] = {
	"Hệ thống tưới nhỏ giọt tự động điều khiển qua điện thoại cho vườn "
	"cam sành Bắc Quang",
	"Máy thái và sấy dược liệu dùng năng lượng mặt trời cho hợp tác xã "
	"vùng cao",
	"Ứng dụng bản đồ số quản lý rừng trồng và cảnh báo sớm cháy rừng",
	"Lò đốt rác thải sinh hoạt quy mô thôn bản không dùng nhiên liệu",
};

static const char *const fields[] = {
	"Nông lâm ngư nghiệp, tài nguyên và môi trường",
	"Cơ khí tự động hóa, xây dựng, giao thông vận tải",
	"Công nghệ thông tin, điện tử, viễn thông",
	"Vật liệu, hóa chất, năng lượng",
};

static const char *const prizes[] = {
	"Giải Nhì",
	"Giải Nhất",
	"Giải Ba",
	"Giải Khuyến khích",
};

/* The sample's strings for copy i (owned by the caller's arrays). */
struct sample {
	char url[160], code[32], serial[48], name[160];
};

/* A made-up verification code: 112 characters of Crockford base32. */
static void
sample_url(size_t i, char *out, size_t size)
{
	static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	uint64_t x = 0x9E3779B97F4A7C15ULL * (uint64_t)(i + 1);
	int n = snprintf(out, size, "HTTPS://LHH.HAGIANG.GOV.VN/V/");

	for (int k = 0; k < CODE_CHARS && (size_t)n + 1 < size; k++) {
		/* xorshift64: the same codes on every run */
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		out[n++] = crockford[x % 32];
	}
	out[n] = '\0';
}

static void
fill(struct cert_doc *d, struct sample *s, size_t i, bool youth)
{
	size_t k = i % (sizeof(titles) / sizeof(titles[0]));

	sample_url(i, s->url, sizeof(s->url));
	snprintf(s->code, sizeof(s->code), "GK-%07zu-%c%c", 123 + i, s->url[30],
	         s->url[31]);
	snprintf(s->serial, sizeof(s->serial), "Số: %06zu/GCN", 123 + i);
	snprintf(s->name, sizeof(s->name), "%s",
	         names[i % (sizeof(names) / sizeof(names[0]))]);
	*d = (struct cert_doc){
		.issuer = "Ban Tổ chức Hội thi Sáng tạo Kỹ thuật tỉnh Hà Giang",
		.parent =
		    "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Hà Giang",
		.recipient = s->name,
		.entry_title = titles[k],
		.field = fields[k],
		.prize = prizes[i % (sizeof(prizes) / sizeof(prizes[0]))],
		.edition =
		    "Hội thi Sáng tạo Kỹ thuật tỉnh Hà Giang lần thứ 11, "
		    "năm 2026",
		.decision = "Quyết định số 45/QĐ-LHH ngày 20/12/2026",
		.place_date = "Hà Giang, ngày 26 tháng 12 năm 2026",
		.signer_title = "TM. BAN TỔ CHỨC\nTRƯỞNG BAN",
		.signer = "Nguyễn Văn Thanh",
		.url = s->url,
		.short_code = s->code,
		.serial = s->serial,
	};
	if (youth) {
		d->issuer = "Ban Tổ chức Cuộc thi Sáng tạo Thanh thiếu niên, "
		            "Nhi đồng tỉnh Hà Giang";
		d->birth_date = "12/03/2012";
		d->school = "Trường THCS Nguyễn Trãi, thành phố Hà Giang";
		d->field = "Đồ dùng học tập";
		d->edition =
		    "Cuộc thi Sáng tạo Thanh thiếu niên, Nhi đồng tỉnh "
		    "Hà Giang lần thứ 17, năm 2026";
	}
}

static int
write_out(const char *path, const struct buf *b, enum score_lang lang)
{
	FILE *f = fopen(path, "wb");
	bool ok = f != NULL && fwrite(b->data, 1, b->len, f) == b->len;

	if (f != NULL && fclose(f) != 0)
		ok = false;
	if (!ok)
		fprintf(stderr, "giamkhao: %s %s: %s\n",
		        cli_text(lang, "không ghi được", "cannot write"), path,
		        strerror(errno));
	return ok ? 0 : -1;
}

/* The 134 letters, one per cell of the glyph grid. */
static int
letter_grid(const struct pdf_fonts *fonts, struct buf *out, char err[160])
{
	char all[sizeof(lower) + sizeof(upper) + 1];
	const char *letters[160];
	size_t n = 0;
	char *save = NULL;

	snprintf(all, sizeof(all), "%s %s", lower, upper);
	for (char *s = strtok_r(all, " ", &save); s != NULL && n < 160;
	     s = strtok_r(NULL, " ", &save))
		letters[n++] = s;
	return pdf_glyph_grid(fonts, letters, n, out, err);
}

/* Renders the sample (count copies, or the letter grid) into `out`. */
static int
render(int argc, char **argv, const struct pdf_fonts *fonts, long count,
       const struct cert_template *t, struct buf *out, char err[160])
{
	struct cert_template *looks;
	struct cert_doc *docs;
	struct sample *s;
	const char *name = cli_option(argc, argv, "--recipient");
	const char *url = cli_option(argc, argv, "--url");
	int rc;

	if (cli_flag(argc, argv, "--letter-grid"))
		return letter_grid(fonts, out, err);
	docs = xcalloc((size_t)count, sizeof(*docs));
	s = xcalloc((size_t)count, sizeof(*s));
	for (long i = 0; i < count; i++)
		fill(&docs[i], &s[i], (size_t)i,
		     cli_flag(argc, argv, "--youth"));
	if (name != NULL)
		docs[0].recipient = name;
	if (url != NULL)
		docs[0].url = url;
	if (cli_flag(argc, argv, "--letters")) {
		docs[0].recipient = lower;
		docs[0].entry_title = upper;
	}
	looks = xcalloc((size_t)count, sizeof(*looks));
	for (long i = 0; i < count; i++)
		looks[i] = *t;
	rc = pdf_certificates(fonts, looks, docs, (size_t)count, NULL, NULL,
	                      out, err);
	free(looks);
	free(docs);
	free(s);
	return rc;
}

int
cmd_certificate_sample(int argc, char **argv)
{
	enum score_lang lang = cli_lang();
	const char *path = cli_option(argc, argv, "--out");
	const char *n = cli_option(argc, argv, "--count");
	const char *seal = cli_option(argc, argv, "--seal");
	const char *regular = cli_option(argc, argv, "--font-regular");
	const char *bold = cli_option(argc, argv, "--font-bold");
	const char *url = cli_option(argc, argv, "--url");
	long count = n != NULL ? strtol(n, NULL, 10) : 1;
	struct cert_template t = {
		.heading = "GIẤY CHỨNG NHẬN",
		.lead = "Chứng nhận",
		.body = "Đã đạt",
		.colour = 0xA3161A,
		.accent = 0xA3161A,
		.show_birth = true,
		.show_school = true,
		.show_entry = true,
		.show_field = true,
		.show_decision = true,
	};
	struct pdf_fonts fonts;
	char err[160], first[160], *png = NULL;
	size_t png_len = 0;
	struct buf out;
	int rc, width = 0;
	unsigned char *qr;

	if (path == NULL || count < 1 || count > MAX_COUNT) {
		fprintf(stderr,
		        "%s: giamkhao certificate-sample --out FILE.pdf "
		        "[--count N] [--youth] [--letters] [--seal FILE.png]\n",
		        cli_text(lang, "cách dùng", "usage"));
		return EXIT_BAD_INPUT;
	}
	if (fonts_serif(&fonts) != 0) {
		fprintf(stderr, "giamkhao: the PDF fonts are missing\n");
		return EXIT_FAILURE_INTERNAL;
	}
	/* other fonts, to show what a font libharu mangles looks like */
	if (regular != NULL && bold != NULL)
		fonts = (struct pdf_fonts){ .regular = regular, .bold = bold };
	if (seal != NULL) {
		png = cli_read_file(seal, &png_len, lang);
		if (png != NULL && png_len > MAX_SEAL)
			fprintf(stderr, "giamkhao: %s: %s\n", seal,
			        cli_text(lang, "ảnh con dấu quá 4 MiB",
			                 "the seal image is over 4 MiB"));
		if (png == NULL || png_len > MAX_SEAL) {
			free(png);
			return EXIT_BAD_INPUT;
		}
		t.seal_png = (const unsigned char *)png;
		t.seal_len = png_len;
	}
	buf_init(&out, (size_t)64 << 20);
	rc = render(argc, argv, &fonts, count, &t, &out, err);
	free(png);
	if (rc != 0) {
		fprintf(stderr, "giamkhao: certificate-sample: %s\n", err);
		buf_release(&out);
		return EXIT_BAD_INPUT;
	}
	if (write_out(path, &out, lang) != 0) {
		buf_release(&out);
		return EXIT_FAILURE_INTERNAL;
	}
	printf("%s: %ld certificate(s), %zu bytes", path, count, out.len);
	/* the first certificate's QR code, for the tests */
	sample_url(0, first, sizeof(first));
	if (url == NULL)
		url = first;
	qr = qr_modules_level(url, QR_LEVEL_Q, 40, &width);
	if (qr != NULL && !cli_flag(argc, argv, "--letter-grid"))
		printf(", QR version %d (%d modules)", (width - 17) / 4, width);
	printf("\n");
	free(qr);
	buf_release(&out);
	return EXIT_OK;
}
