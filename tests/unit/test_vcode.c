/* test_vcode.c: certificate verification codes: a table of verification
 * vectors (each with its answer), round trips, the facts' canonical form,
 * short codes. Keys come from fixed seeds, so every vector reproduces. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../certificates/vcode.h"
#include "../../common/common.h"
#include "harness.h"

void suite_vcode(void);

#define SERIAL 123u
#define KNOWN_CODE                                                             \
	"0400003VX0ZBE671717JEY3967PXTGVB4CRN3T1WZSFCB5D9WE701V4X2EPJJ2AGP0AB" \
	"JTJ4MJPS0QWH34E7E4YDQHCA501F8PC3HZZGZX57J384"

static const char alpha[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* The certificate every vector starts from. */
static const struct vcode_facts base_facts = {
	"2026-000123",
	"Nguyễn Thị Hồng Nhung",
	"KT-07 – Máy sấy nông sản dùng năng lượng mặt trời",
	"Giải Nhất",
	"Hội thi Sáng tạo kỹ thuật tỉnh Quảng Ngãi lần thứ 12 (2025–2026)",
	"Quyết định số 45/QĐ-LHH ngày 20/11/2026",
	"26/11/2026",
};

/* The verifier's key table: 1 in use, 2 retired, 3 revoked. */
static struct vcode_key keys[3];
static unsigned char secrets[3][64];

static void
make_keys(void)
{
	for (unsigned i = 0; i < 3; i++) {
		unsigned char seed[32];

		memset(seed, (int)(0x41 + i), sizeof(seed));
		crypto_sign_seed_keypair(keys[i].public_key, secrets[i], seed);
		keys[i].id = i + 1;
		keys[i].retired = i == 1;
		keys[i].revoked = i == 2;
	}
}

enum op {
	OP_AS_IS,
	OP_FACT,      /* arg: which fact is altered (0..6) */
	OP_SIG_FLIP,  /* arg: the signature byte whose low bit flips */
	OP_KEY_ID,    /* arg: the key id written in the code */
	OP_SERIAL,    /* arg: the serial written in the code */
	OP_DROP_LAST, /* 111 symbols */
	OP_APPEND,    /* 113 symbols */
	OP_INSERT,    /* a symbol more in the middle */
	OP_TRUNCATE,  /* arg: symbols kept */
	OP_REPLACE,   /* arg: the character put at symbol 50 */
	OP_CHECK,     /* arg: added to the check symbol's value (mod 32) */
	OP_LOWER,     /* every letter lower case */
	OP_MIXED,     /* every other letter lower case */
	OP_SEPARATE,  /* hyphens and spaces between groups */
	OP_OIL,       /* 0 typed as O or o, 1 as I, L or l */
	OP_PADDING,   /* a padding bit set */
	OP_EMPTY,     /* "" */
	OP_HUGE,      /* 10 000 characters */
	OP_NUL,       /* a NUL byte inside the length */
};

struct vector {
	const char *name;
	unsigned signer; /* key id that signs: 1..3 */
	enum op op;
	int arg;
	enum vcode_status want;
};

static const struct vector vectors[] = {
	{ "valid", 1, OP_AS_IS, 0, VCODE_GENUINE },
	{ "serial fact altered", 1, OP_FACT, 0, VCODE_BAD_SIGNATURE },
	{ "recipient altered", 1, OP_FACT, 1, VCODE_BAD_SIGNATURE },
	{ "entry altered", 1, OP_FACT, 2, VCODE_BAD_SIGNATURE },
	{ "prize altered", 1, OP_FACT, 3, VCODE_BAD_SIGNATURE },
	{ "edition altered", 1, OP_FACT, 4, VCODE_BAD_SIGNATURE },
	{ "decision altered", 1, OP_FACT, 5, VCODE_BAD_SIGNATURE },
	{ "issued altered", 1, OP_FACT, 6, VCODE_BAD_SIGNATURE },
	{ "signature: first byte flipped", 1, OP_SIG_FLIP, 0,
	  VCODE_BAD_SIGNATURE },
	{ "signature: middle byte flipped", 1, OP_SIG_FLIP, 32,
	  VCODE_BAD_SIGNATURE },
	{ "signature: last byte flipped", 1, OP_SIG_FLIP, 63,
	  VCODE_BAD_SIGNATURE },
	{ "key id altered (to a known key)", 1, OP_KEY_ID, 2,
	  VCODE_BAD_SIGNATURE },
	{ "serial altered", 1, OP_SERIAL, SERIAL + 1, VCODE_BAD_SIGNATURE },
	{ "unknown key id", 1, OP_KEY_ID, 9, VCODE_UNKNOWN_KEY },
	{ "retired key: still genuine", 2, OP_AS_IS, 0, VCODE_GENUINE },
	{ "revoked key", 3, OP_AS_IS, 0, VCODE_KEY_REVOKED },
	{ "revoked key, fact altered: a forgery first", 3, OP_FACT, 1,
	  VCODE_BAD_SIGNATURE },
	{ "111 symbols", 1, OP_DROP_LAST, 0, VCODE_MALFORMED },
	{ "113 symbols", 1, OP_APPEND, 0, VCODE_MALFORMED },
	{ "truncated to 60 symbols", 1, OP_TRUNCATE, 60, VCODE_MALFORMED },
	{ "an extra symbol in the middle", 1, OP_INSERT, 0, VCODE_MALFORMED },
	{ "U is not in the alphabet", 1, OP_REPLACE, 'U', VCODE_MALFORMED },
	{ "* is not in the alphabet", 1, OP_REPLACE, '*', VCODE_MALFORMED },
	{ "a tab is not a separator", 1, OP_REPLACE, '\t', VCODE_MALFORMED },
	{ "a non-ASCII byte", 1, OP_REPLACE, 0xC4, VCODE_MALFORMED },
	{ "a NUL byte inside", 1, OP_NUL, 0, VCODE_MALFORMED },
	{ "wrong check symbol", 1, OP_CHECK, 1, VCODE_BAD_CHECK },
	{ "check symbol Z (31 is never a check)", 1, OP_CHECK, -1,
	  VCODE_BAD_CHECK },
	{ "lower case", 1, OP_LOWER, 0, VCODE_GENUINE },
	{ "mixed case", 1, OP_MIXED, 0, VCODE_GENUINE },
	{ "hyphens and spaces inserted", 1, OP_SEPARATE, 0, VCODE_GENUINE },
	{ "O, I and L typed for 0 and 1", 1, OP_OIL, 0, VCODE_GENUINE },
	{ "padding bits not zero", 1, OP_PADDING, 0, VCODE_MALFORMED },
	{ "key id 0", 1, OP_KEY_ID, 0, VCODE_MALFORMED },
	{ "serial 0", 1, OP_SERIAL, 0, VCODE_MALFORMED },
	{ "empty string", 1, OP_EMPTY, 0, VCODE_MALFORMED },
	{ "10 000 characters", 1, OP_HUGE, 0, VCODE_MALFORMED },
};

_Static_assert(sizeof(vectors) / sizeof(vectors[0]) >= 20,
               "at least 20 verification vectors");

static const char *const status_names[] = {
	"GENUINE",     "MALFORMED",     "BAD_CHECK",
	"UNKNOWN_KEY", "BAD_SIGNATURE", "KEY_REVOKED",
};

static void
digest_of(const struct vcode_facts *f, unsigned char out[32])
{
	if (vcode_facts_digest(f, out) != 0)
		t_fail(__FILE__, __LINE__, "the base facts do not digest");
}

/* The facts with one of them altered. */
static struct vcode_facts
altered(int which)
{
	struct vcode_facts f = base_facts;
	const char **slots[] = { &f.serial,  &f.recipient, &f.entry, &f.prize,
		                 &f.edition, &f.decision,  &f.issued };

	*slots[which] = "Giải Nhì"; /* differs from every base fact */
	return f;
}

static int
symbol_of(char c)
{
	const char *p = c != '\0' ? strchr(alpha, c) : NULL;

	return p != NULL ? (int)(p - alpha) : -1;
}

/* The symbol of a value (0..31), '?' otherwise. */
static char
symbol(int v)
{
	if (v < 0 || v >= 32)
		return '?';
	return alpha[v];
}

/* Changes the text of an encoded code (112 symbols in `code`) as the
 * operation says; the result's length in *len. */
static char *
mutate_text(const struct vector *v, const char *code, size_t *len)
{
	char *t = xcalloc(10001, 1);
	size_t n = 0;

	switch (v->op) {
	case OP_DROP_LAST:
		memcpy(t, code, VCODE_CHARS - 1);
		break;
	case OP_APPEND:
		snprintf(t, 200, "%s0", code);
		break;
	case OP_INSERT:
		snprintf(t, 200, "%.56sA%s", code, code + 56);
		break;
	case OP_TRUNCATE:
		memcpy(t, code, (size_t)v->arg);
		break;
	case OP_REPLACE:
		memcpy(t, code, VCODE_CHARS);
		t[50] = (char)v->arg;
		break;
	case OP_CHECK:
		memcpy(t, code, VCODE_CHARS);
		t[111] = symbol((symbol_of(code[111]) + v->arg) % 31);
		if (v->arg < 0)
			t[111] = 'Z';
		break;
	case OP_LOWER:
	case OP_MIXED:
		memcpy(t, code, VCODE_CHARS);
		for (size_t i = 0; i < VCODE_CHARS; i++)
			if (code[i] >= 'A' && code[i] <= 'Z' &&
			    (v->op == OP_LOWER || i % 2 == 0))
				t[i] = (char)(code[i] - 'A' + 'a');
		break;
	case OP_SEPARATE:
		for (size_t i = 0; i < VCODE_CHARS; i++) {
			if (i > 0 && i % 4 == 0)
				t[n++] = i % 8 == 0 ? ' ' : '-';
			t[n++] = code[i];
		}
		t[n++] = '-';
		break;
	case OP_OIL: {
		static const char ones[] = "ILl";
		static const char zeros[] = "Oo";
		size_t k = 0;

		memcpy(t, code, VCODE_CHARS);
		for (size_t i = 0; i < VCODE_CHARS; i++, k++) {
			if (code[i] == '1')
				t[i] = ones[k % 3];
			if (code[i] == '0')
				t[i] = zeros[k % 2];
		}
		CHECKF(strcmp(t, code) != 0, "the code has no 0 or 1");
		break;
	}
	case OP_PADDING:
		memcpy(t, code, VCODE_CHARS);
		t[110] = symbol(symbol_of(code[110]) | 1);
		break;
	case OP_EMPTY:
		break;
	case OP_HUGE:
		for (size_t i = 0; i < 10000; i++)
			t[i] = code[i % VCODE_CHARS];
		*len = 10000;
		return t;
	case OP_NUL:
		memcpy(t, code, VCODE_CHARS);
		t[50] = '\0';
		*len = VCODE_CHARS;
		return t;
	default:
		memcpy(t, code, VCODE_CHARS);
		break;
	}
	*len = strlen(t);
	return t;
}

static void
run_vector(const struct vector *v)
{
	unsigned char digest[32], signed_digest[32];
	struct vcode c, got, upper;
	struct vcode_facts f = base_facts;
	char code[VCODE_CHARS + 1], *text;
	enum vcode_status st;
	size_t len = 0;

	t_case("vcode vector: %s", v->name);
	digest_of(&base_facts, signed_digest);
	if (!CHECK_INT(vcode_sign(secrets[v->signer - 1], v->signer, SERIAL,
	                          signed_digest, &c),
	               0))
		return;
	if (v->op == OP_FACT)
		f = altered(v->arg);
	digest_of(&f, digest);
	if (v->op == OP_SIG_FLIP)
		c.sig[v->arg] ^= 1;
	if (v->op == OP_KEY_ID)
		c.key_id = (unsigned)v->arg;
	if (v->op == OP_SERIAL)
		c.serial = (uint32_t)v->arg;
	vcode_encode(&c, code);
	text = mutate_text(v, code, &len);
	st = vcode_check(keys, 3, text, len, digest, &got);
	CHECKF(st == v->want, "got %s, want %s", status_names[st],
	       status_names[v->want]);
	/* whatever decodes, decodes to exactly what upper case gives */
	if (st != VCODE_MALFORMED && st != VCODE_BAD_CHECK &&
	    CHECK_INT(vcode_decode(code, strlen(code), &upper), VCODE_GENUINE))
		CHECK(got.key_id == upper.key_id &&
		      got.serial == upper.serial &&
		      memcmp(got.sig, upper.sig, 64) == 0);
	free(text);
}

/* The exact text and answer for fixed keys and facts: a change to the
 * format (which certificates already printed rely on) fails here. */
static void
known_answer(void)
{
	static const char canonical[] =
	    "giamkhao-cert/1\n"
	    "serial=2026-000123\n"
	    "recipient=Nguyễn Thị Hồng Nhung\n"
	    "entry=KT-07 – Máy sấy nông sản dùng năng lượng mặt trời\n"
	    "prize=Giải Nhất\n"
	    "edition=Hội thi Sáng tạo kỹ thuật tỉnh Quảng Ngãi lần thứ 12 "
	    "(2025–2026)\n"
	    "decision=Quyết định số 45/QĐ-LHH ngày 20/11/2026\n"
	    "issued=26/11/2026\n";
	unsigned char digest[32], want[32];
	struct vcode c;
	char code[VCODE_CHARS + 1];

	t_case("vcode: the facts digest is SHA-256 of the canonical text");
	digest_of(&base_facts, digest);
	crypto_hash_sha256(want, (const unsigned char *)canonical,
	                   strlen(canonical));
	CHECK(memcmp(digest, want, 32) == 0);

	t_case("vcode: a fixed key signs a fixed code (Ed25519 is "
	       "deterministic)");
	CHECK_INT(vcode_sign(secrets[0], 1, SERIAL, digest, &c), 0);
	vcode_encode(&c, code);
	/* checked independently: tests/cli/test_keys.py decodes it and
	 * verifies the signature with Python's own Ed25519 and SHA-256 */
	CHECK_STR(code, KNOWN_CODE);
}

/* Random codes (from a fixed seed): encode, then decode in upper and
 * lower case, give back the same code. */
static void
round_trips(void)
{
	static const unsigned char seed[randombytes_SEEDBYTES] = { 7 };
	unsigned char noise[1000 * 69];
	bool ok = true;

	t_case("vcode: 1000 random codes survive encode and decode");
	randombytes_buf_deterministic(noise, sizeof(noise), seed);
	for (size_t i = 0; i < 1000 && ok; i++) {
		const unsigned char *r = noise + i * 69;
		struct vcode c, back, low;
		char text[VCODE_CHARS + 1];

		c.key_id = (unsigned)(r[0] % 255) + 1;
		c.serial = (uint32_t)r[1] << 24 | (uint32_t)r[2] << 16 |
		           (uint32_t)r[3] << 8 | r[4];
		if (c.serial == 0)
			c.serial = 1;
		if (i == 0)
			c.serial = UINT32_MAX; /* the largest serial */
		memcpy(c.sig, r + 5, 64);
		vcode_encode(&c, text);
		ok = CHECKF(strlen(text) == VCODE_CHARS &&
		                strspn(text, alpha) == VCODE_CHARS,
		            "bad text %s", text) &&
		     CHECK_INT(vcode_decode(text, VCODE_CHARS, &back),
		               VCODE_GENUINE) &&
		     CHECK(back.key_id == c.key_id && back.serial == c.serial &&
		           memcmp(back.sig, c.sig, 64) == 0);
		for (size_t k = 0; k < VCODE_CHARS; k++)
			if (text[k] >= 'A' && text[k] <= 'Z')
				text[k] = (char)(text[k] - 'A' + 'a');
		ok = ok &&
		     CHECK_INT(vcode_decode(text, VCODE_CHARS, &low),
		               VCODE_GENUINE) &&
		     CHECK(memcmp(&low, &back, sizeof(low)) == 0);
	}
}

static void
facts_rules(void)
{
	struct vcode_facts f = base_facts;
	unsigned char nfc[32], nfd[32], other[32];

	t_case("vcode facts: NFD input digests like NFC");
	digest_of(&base_facts, nfc);
	/* "Nguyễn Thị Hồng Nhung" decomposed: e + circumflex + tilde ... */
	f.recipient = "Nguye\xCC\x82\xCC\x83n Thi\xCC\xA3 "
	              "Ho\xCC\x82\xCC\x80ng Nhung";
	CHECK_INT(vcode_facts_digest(&f, nfd), 0);
	CHECK(memcmp(nfc, nfd, 32) == 0);

	t_case("vcode facts: a line break in a fact is refused");
	f = base_facts;
	f.entry = "KT-07\nprize=Giải Đặc biệt";
	CHECK_INT(vcode_facts_digest(&f, other), -1);
	f.entry = "KT-07\r";
	CHECK_INT(vcode_facts_digest(&f, other), -1);

	t_case("vcode facts: invalid UTF-8 and missing facts are refused");
	f = base_facts;
	f.prize = "Gi\xE1i Nh\xA5t"; /* Latin-1, not UTF-8 */
	CHECK_INT(vcode_facts_digest(&f, other), -1);
	f = base_facts;
	f.issued = NULL;
	CHECK_INT(vcode_facts_digest(&f, other), -1);

	t_case("vcode facts: a fact moved to another line changes the digest");
	f = base_facts;
	f.prize = base_facts.edition;
	f.edition = base_facts.prize;
	CHECK_INT(vcode_facts_digest(&f, other), 0);
	CHECK(memcmp(nfc, other, 32) != 0);
}

static void
sign_rules(void)
{
	unsigned char digest[32];
	struct vcode c;

	t_case("vcode sign: key id 1..255 and serial 1..2^32-1 only");
	digest_of(&base_facts, digest);
	CHECK_INT(vcode_sign(secrets[0], 0, 1, digest, &c), -1);
	CHECK_INT(vcode_sign(secrets[0], 256, 1, digest, &c), -1);
	CHECK_INT(vcode_sign(secrets[0], 1, 0, digest, &c), -1);
	CHECK_INT(vcode_sign(secrets[0], 255, UINT32_MAX, digest, &c), 0);

	t_case("vcode verify: the right key, key id and serial only");
	CHECK(vcode_verify(keys[0].public_key, &c, digest));
	c.key_id = 1; /* the key id is signed too */
	CHECK(!vcode_verify(keys[0].public_key, &c, digest));
	CHECK_INT(vcode_sign(secrets[0], 1, SERIAL, digest, &c), 0);
	CHECK(vcode_verify(keys[0].public_key, &c, digest));
	CHECK(!vcode_verify(keys[1].public_key, &c, digest));
}

struct short_case {
	const char *typed;
	int64_t want;
};

static const struct short_case short_cases[] = {
	{ "GK-000003V-N", 123 },
	{ "gk-000003v-n", 123 },
	{ "GK 000 003V N", 123 },
	{ "000003VN", 123 },
	{ "GK-OOOOO3V-N", 123 },
	{ "GK-0000001-7", 1 },
	{ "GK-000000I-7", 1 },
	{ "GK-3ZZZZZZ-3", 4294967295 },
	{ "GK-000003V-Z", -1 },  /* wrong check */
	{ "GK-00000V3-N", -1 },  /* two symbols swapped */
	{ "GK-000003W-N", -1 },  /* one symbol wrong */
	{ "GK-0000000-0", -1 },  /* serial 0 */
	{ "GK-4000000-4", -1 },  /* 2^32 */
	{ "GK-000003V", -1 },    /* no check */
	{ "GK-0000003V-N", -1 }, /* a symbol more */
	{ "GX-000003V-N", -1 },  /* not GK */
	{ "GK-00000UV-N", -1 },  /* U */
	{ "", -1 },
};

static void
short_codes(void)
{
	char out[16];

	t_case("vcode short: GK-, 7 symbols, -, check");
	vcode_short(123, out);
	CHECK_STR(out, "GK-000003V-N");
	vcode_short(1, out);
	CHECK_STR(out, "GK-0000001-7");
	vcode_short(UINT32_MAX, out);
	CHECK_STR(out, "GK-3ZZZZZZ-3");
	for (size_t i = 0; i < sizeof(short_cases) / sizeof(short_cases[0]);
	     i++) {
		const struct short_case *sc = &short_cases[i];

		t_case("vcode short: \"%s\"", sc->typed);
		CHECK_INT(vcode_short_parse(sc->typed, strlen(sc->typed)),
		          sc->want);
	}
	t_case("vcode short: every serial of a sample reads back");
	for (uint32_t s = 1; s < 4000000000u; s += 7654321u) {
		vcode_short(s, out);
		if (!CHECK_INT(vcode_short_parse(out, strlen(out)), s))
			break;
	}
}

void
suite_vcode(void)
{
	make_keys();
	for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++)
		run_vector(&vectors[i]);
	known_answer();
	round_trips();
	facts_rules();
	sign_rules();
	short_codes();
}
