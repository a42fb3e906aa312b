/* cli_verify.c: `giamkhao verify CODE|URL --keys FILE.json [--facts
 * FILE.json | --server URL]`: checks a certificate's code against the
 * published keys, offline or with the facts a server gives (the signature
 * is always checked here, so no server can vouch for what the key did not
 * sign); and the hidden `vcode-sample` that signs a code for the tests. */
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../certificates/vcode.h"
#include "cli.h"
#include "server.h"

#define VERIFY_NOT_VALID EXIT_BAD_INPUT

/* What the published keys file says of one key. */
struct pub_key {
	unsigned char pk[32];
	bool retired, revoked;
	char revoked_on[32];
	char reason[512];
};

/* The code's text in a bare code or a link ending in /v/CODE (any case,
 * with or without ".json", a query or a fragment): a pointer into arg and
 * its length. */
static const char *
code_text(const char *arg, size_t *len)
{
	const char *start = arg, *end;

	for (const char *p = arg; *p != '\0'; p++)
		if (p[0] == '/' && (p[1] == 'v' || p[1] == 'V') && p[2] == '/')
			start = p + 3;
	end = start + strcspn(start, "?#");
	while (end > start && end[-1] == '/')
		end--;
	if (start != arg && end - start > 5 &&
	    strncasecmp(end - 5, ".json", 5) == 0)
		end -= 5;
	*len = (size_t)(end - start);
	return start;
}

static json_t *
load_json(const char *path, enum score_lang lang)
{
	size_t len;
	char *data = cli_read_file(path, &len, lang);
	json_error_t err;
	json_t *doc;

	if (data == NULL)
		return NULL;
	doc = json_loadb(data, len, 0, &err);
	free(data);
	if (doc == NULL)
		fprintf(stderr, "%s: %s %d: %s\n", path,
		        cli_text(lang, "JSON sai ở dòng", "bad JSON at line"),
		        err.line, err.text);
	return doc;
}

static void
copy_string(json_t *v, char *out, size_t size)
{
	snprintf(out, size, "%s",
	         json_is_string(v) ? json_string_value(v) : "");
}

/* Finds key `id` in the published keys document: 0 found, 1 not there,
 * -1 the document is not one (with a message). */
static int
find_key(const char *path, unsigned id, struct pub_key *out,
         enum score_lang lang)
{
	json_t *doc = load_json(path, lang), *keys, *k;
	const char *format = NULL;
	size_t i, bin = 0;
	int rc = 1;

	memset(out, 0, sizeof(*out));
	if (doc == NULL)
		return -1;
	keys = json_object_get(doc, "keys");
	format = json_string_value(json_object_get(doc, "format"));
	if (format == NULL || strcmp(format, "giamkhao-keys/1") != 0 ||
	    !json_is_array(keys))
		rc = -1;
	json_array_foreach(keys, i, k)
	{
		const char *b64 =
		    json_string_value(json_object_get(k, "public_key"));
		json_t *revoked = json_object_get(k, "revoked");

		if (rc != 1 || json_integer_value(json_object_get(k, "id")) !=
		                   (json_int_t)id)
			continue;
		rc =
		    b64 != NULL &&
		            sodium_base642bin(
		                out->pk, 32, b64, strlen(b64), NULL, &bin, NULL,
		                sodium_base64_VARIANT_URLSAFE_NO_PADDING) ==
		                0 &&
		            bin == 32
		        ? 0
		        : -1;
		out->retired = json_is_string(json_object_get(k, "retired"));
		out->revoked = revoked != NULL && !json_is_null(revoked);
		copy_string(revoked, out->revoked_on, sizeof(out->revoked_on));
		copy_string(json_object_get(k, "reason"), out->reason,
		            sizeof(out->reason));
	}
	json_decref(doc);
	if (rc < 0)
		fprintf(
		    stderr, "%s: %s\n", path,
		    cli_text(lang,
		             "không phải tệp khóa công bố (giamkhao-keys/1)",
		             "not a published keys file (giamkhao-keys/1)"));
	return rc;
}

/* The seven facts of a JSON object (borrowed from it); -1 if one is
 * missing or not a string. */
static int
facts_of(json_t *o, struct vcode_facts *f)
{
	const char **slots[] = { &f->serial, &f->recipient, &f->entry,
		                 &f->prize,  &f->edition,   &f->decision,
		                 &f->issued };
	static const char *const names[] = { "serial", "recipient", "entry",
		                             "prize",  "edition",   "decision",
		                             "issued" };

	for (size_t i = 0; i < 7; i++) {
		*slots[i] = json_string_value(json_object_get(o, names[i]));
		if (*slots[i] == NULL)
			return -1;
	}
	return 0;
}

static void
print_facts(const struct vcode_facts *f, enum score_lang lang)
{
	printf("%s: %s\n", cli_text(lang, "Số hiệu", "Serial"), f->serial);
	printf("%s: %s\n", cli_text(lang, "Người nhận", "Recipient"),
	       f->recipient);
	printf("%s: %s\n", cli_text(lang, "Công trình", "Entry"), f->entry);
	printf("%s: %s\n", cli_text(lang, "Giải thưởng", "Prize"), f->prize);
	printf("%s: %s\n", cli_text(lang, "Kỳ thi", "Edition"), f->edition);
	printf("%s: %s\n", cli_text(lang, "Quyết định", "Decision"),
	       f->decision);
	printf("%s: %s\n", cli_text(lang, "Ngày cấp", "Issued"), f->issued);
}

/* What the server says of the certificate (the facts stay in `doc`). */
struct online {
	json_t *doc;
	const char *status;
	json_int_t key_id;
	const char *reason;
};

/* Fetches URL/v/CODE.json: 0 with *on filled, 1 the server does not know
 * the certificate, -1 on failure (messages printed). */
static int
fetch_status(const char *server, const char *code, struct online *on,
             enum score_lang lang)
{
	struct http_url u;
	char path[160];
	size_t len = 0;
	int status = 0;
	char *body;

	memset(on, 0, sizeof(*on));
	if (http_url_parse(server, &u) != 0) {
		fprintf(stderr, "giamkhao: %s: %s\n", server,
		        cli_text(lang,
		                 "địa chỉ máy chủ phải là http://MÁY[:CỔNG]",
		                 "the server must be http://HOST[:PORT]"));
		return -1;
	}
	snprintf(path, sizeof(path), "/v/%s.json", code);
	body = http_get(&u, path, &status, &len, lang);
	if (body == NULL)
		return -1;
	if (status == 200)
		on->doc = json_loadb(body, len, 0, NULL);
	free(body);
	if (status == 404)
		return 1;
	on->status = json_string_value(json_object_get(on->doc, "status"));
	on->key_id = json_integer_value(json_object_get(on->doc, "key_id"));
	on->reason =
	    json_string_value(json_object_get(on->doc, "revoked_reason"));
	/* the server's record holds no such certificate (or one whose
	 * signature fails): nothing to check here, and not valid */
	if (on->status != NULL && json_object_get(on->doc, "facts") == NULL &&
	    (strcmp(on->status, "not_valid") == 0 ||
	     strcmp(on->status, "tampered") == 0)) {
		json_decref(on->doc);
		on->doc = NULL;
		return 1;
	}
	if (on->status == NULL) {
		fprintf(stderr, "giamkhao: %s (HTTP %d)\n",
		        cli_text(lang, "máy chủ trả lời không đúng dạng",
		                 "the server's answer is not understood"),
		        status);
		json_decref(on->doc);
		on->doc = NULL;
		return -1;
	}
	return 0;
}

static int
not_valid(const char *vi, const char *en, enum score_lang lang)
{
	printf("%s\n", cli_text(lang, vi, en));
	return VERIFY_NOT_VALID;
}

static int
revoked(unsigned id, const struct pub_key *key, enum score_lang lang)
{
	printf("%s %u %s %s: %s\n",
	       cli_text(lang, "KHÔNG hợp lệ: khóa", "NOT valid: key"), id,
	       cli_text(lang, "đã bị thu hồi ngày", "was revoked on"),
	       key->revoked_on, key->reason);
	return VERIFY_NOT_VALID;
}

/* Checks the signature over the facts, then the key's and (online) the
 * certificate's status. An exit status. */
static int
verdict(const struct vcode *c, const struct pub_key *key,
        const struct vcode_facts *f, const struct online *on,
        enum score_lang lang)
{
	unsigned char digest[32];

	if (vcode_facts_digest(f, digest) != 0)
		return not_valid("KHÔNG hợp lệ: thông tin không phải văn bản "
		                 "UTF-8 một dòng",
		                 "NOT valid: the facts are not one-line UTF-8 "
		                 "text",
		                 lang);
	print_facts(f, lang);
	if (!vcode_verify(key->pk, c, digest))
		return not_valid(
		    "KHÔNG hợp lệ: chữ ký không khớp với các thông "
		    "tin trên",
		    "NOT valid: the signature does not match these "
		    "facts",
		    lang);
	if (key->revoked)
		return revoked(c->key_id, key, lang);
	if (on != NULL && on->key_id != (json_int_t)c->key_id)
		return not_valid(
		    "KHÔNG hợp lệ: máy chủ trả lời về một khóa khác",
		    "NOT valid: the server answered for another key", lang);
	if (on != NULL && strcmp(on->status, "genuine") != 0) {
		printf(
		    "%s: %s%s%s\n",
		    cli_text(lang, "KHÔNG hợp lệ: máy chủ báo chứng nhận",
		             "NOT valid: the server says the certificate is"),
		    on->status, on->reason != NULL && *on->reason ? ": " : "",
		    on->reason != NULL ? on->reason : "");
		return VERIFY_NOT_VALID;
	}
	printf(
	    "%s %u %s%s\n",
	    cli_text(lang, "HỢP LỆ: chữ ký của khóa", "GENUINE: key"),
	    c->key_id,
	    cli_text(lang, "khớp với các thông tin trên", "signed these facts"),
	    on == NULL ? "."
	               : cli_text(lang, "; máy chủ xác nhận chưa bị thu hồi.",
	                          "; the server confirms it stands."));
	if (key->retired)
		printf(
		    "%s\n",
		    cli_text(lang,
		             "(khóa này đã nghỉ: không ký nữa, các chứng nhận "
		             "nó đã ký vẫn hợp lệ)",
		             "(this key is retired: it signs no more; what it "
		             "signed stays genuine)"));
	return EXIT_OK;
}

/* The first argument that is not an option or an option's value. */
static const char *
first_positional(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--", 2) == 0) {
			i++;
			continue;
		}
		return argv[i];
	}
	return NULL;
}

/* Decodes the code of `arg`; an exit status (OK: decoded). */
static int
read_code(const char *arg, struct vcode *c, enum score_lang lang)
{
	size_t len;
	const char *text = code_text(arg, &len);
	enum vcode_status st = vcode_decode(text, len, c);
	char shortc[16];

	if (st == VCODE_BAD_CHECK)
		return not_valid(
		    "mã không hợp lệ (sai ký tự kiểm tra: có thể "
		    "gõ hoặc quét nhầm)",
		    "invalid code (wrong check symbol: mistyped or "
		    "misread?)",
		    lang);
	if (st != VCODE_GENUINE)
		return not_valid("mã không hợp lệ", "invalid code", lang);
	vcode_short(c->serial, shortc);
	printf("%s %u, %s %s (%s)\n",
	       cli_text(lang, "Mã của khóa", "Code of key"), c->key_id,
	       cli_text(lang, "chứng nhận", "certificate"), shortc,
	       cli_text(lang, "đúng dạng", "well formed"));
	return EXIT_OK;
}

/* The facts from --facts or --server, and the verdict. */
static int
check_with_facts(const struct vcode *c, const struct pub_key *key,
                 const char *facts_path, const char *server,
                 enum score_lang lang)
{
	struct vcode_facts f;
	struct online on;
	char code[VCODE_CHARS + 1];
	json_t *doc;
	int rc;

	if (facts_path != NULL) {
		doc = load_json(facts_path, lang);
		if (doc == NULL)
			return EXIT_FAILURE_INTERNAL;
		rc = facts_of(doc, &f) == 0 ? verdict(c, key, &f, NULL, lang)
		                            : -1;
	} else {
		vcode_encode(c, code);
		rc = fetch_status(server, code, &on, lang);
		if (rc == 1)
			return not_valid(
			    "KHÔNG hợp lệ: máy chủ không biết chứng "
			    "nhận này",
			    "NOT valid: the server does not know this "
			    "certificate",
			    lang);
		if (rc != 0)
			return EXIT_FAILURE_INTERNAL;
		doc = on.doc;
		rc = facts_of(json_object_get(doc, "facts"), &f) == 0
		         ? verdict(c, key, &f, &on, lang)
		         : -1;
	}
	if (rc < 0) {
		fprintf(stderr, "giamkhao: %s\n",
		        cli_text(
		            lang,
		            "thiếu thông tin (serial, recipient, entry, prize, "
		            "edition, decision, issued: chuỗi)",
		            "missing facts (serial, recipient, entry, prize, "
		            "edition, decision, issued: strings)"));
		rc = EXIT_FAILURE_INTERNAL;
	}
	json_decref(doc);
	return rc;
}

int
cmd_verify(int argc, char **argv)
{
	enum score_lang lang = cli_lang();
	const char *arg = first_positional(argc, argv);
	const char *keys = cli_option(argc, argv, "--keys");
	const char *facts = cli_option(argc, argv, "--facts");
	const char *server = cli_option(argc, argv, "--server");
	struct pub_key key;
	struct vcode c;
	int rc;

	if (arg == NULL || keys == NULL || (facts != NULL && server != NULL)) {
		fprintf(stderr,
		        "%s: giamkhao verify CODE|URL --keys KEYS.json "
		        "[--facts FACTS.json | --server http://HOST:PORT]\n",
		        cli_text(lang, "cách dùng", "usage"));
		return EXIT_FAILURE_INTERNAL; /* 2 means "not valid" here */
	}
	rc = read_code(arg, &c, lang);
	if (rc != EXIT_OK)
		return rc;
	rc = find_key(keys, c.key_id, &key, lang);
	if (rc < 0)
		return EXIT_FAILURE_INTERNAL;
	if (rc == 1) {
		printf("%s %u\n",
		       cli_text(lang, "KHÔNG hợp lệ: không rõ khóa",
		                "NOT valid: unknown key"),
		       c.key_id);
		return VERIFY_NOT_VALID;
	}
	if (facts == NULL && server == NULL) {
		if (key.revoked)
			return revoked(c.key_id, &key, lang);
		fprintf(
		    stderr, "giamkhao: %s\n",
		    cli_text(lang,
		             "khóa đã công bố; để kiểm tra chữ ký cần các "
		             "thông tin in trên chứng nhận: --facts FILE.json "
		             "hoặc --server URL",
		             "the key is published; checking the signature "
		             "needs the certificate's facts: --facts FILE.json "
		             "or --server URL"));
		return EXIT_FAILURE_INTERNAL;
	}
	return check_with_facts(&c, &key, facts, server, lang);
}

/* The hidden `vcode-sample --db FILE --serial N --facts FILE.json`: a
 * code signed with the current key (made on first need), for the tests. */
int
cmd_vcode_sample(int argc, char **argv)
{
	enum score_lang lang = cli_lang();
	const char *path = cli_option(argc, argv, "--db");
	const char *serial = cli_option(argc, argv, "--serial");
	const char *facts_path = cli_option(argc, argv, "--facts");
	const struct db_actor actor = { 0, "cli" };
	unsigned long long n = serial != NULL ? strtoull(serial, NULL, 10) : 0;
	char code[VCODE_CHARS + 1];
	unsigned char digest[32];
	struct vcode_facts f;
	struct keyring *kr = NULL;
	struct db *db = NULL;
	struct vcode c;
	json_t *doc;
	int rc = EXIT_FAILURE_INTERNAL;

	if (path == NULL || facts_path == NULL || n == 0 || n > UINT32_MAX) {
		fprintf(stderr,
		        "usage: giamkhao vcode-sample --db FILE --serial N "
		        "--facts FILE.json\n");
		return EXIT_BAD_INPUT;
	}
	doc = load_json(facts_path, lang);
	if (doc == NULL || facts_of(doc, &f) != 0 ||
	    vcode_facts_digest(&f, digest) != 0) {
		fprintf(stderr, "%s: bad facts\n", facts_path);
		json_decref(doc);
		return EXIT_BAD_INPUT;
	}
	db = db_open(path);
	if (db != NULL)
		kr = keys_open(path, lang);
	if (kr != NULL &&
	    keys_sign(kr, db, &actor, (uint32_t)n, digest, &c) == 0) {
		vcode_encode(&c, code);
		printf("%s\n", code);
		rc = EXIT_OK;
	}
	keys_free(kr);
	db_close(db);
	json_decref(doc);
	return rc;
}
