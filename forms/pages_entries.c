/* pages_entries.c: the entries of an edition, the entry form, one entry. */
#include <stdio.h>
#include <string.h>

#include "forms.h"

static const char *const roles[] = { "author", "representative", "teacher" };

static const struct {
	unsigned bit;
	enum msg msg;
} warnings[] = {
	{ SCORE_WARN_AGE, MSG_WARN_AGE },
	{ SCORE_WARN_NO_BIRTH, MSG_WARN_NO_BIRTH },
	{ SCORE_WARN_NOT_APPLIED, MSG_WARN_NOT_APPLIED },
	{ SCORE_WARN_APPLIED_EARLY, MSG_WARN_APPLIED_EARLY },
	{ SCORE_WARN_OLD_APPLICATION, MSG_WARN_OLD_APPLICATION },
	{ SCORE_WARN_PRIOR_AWARD, MSG_WARN_PRIOR_AWARD },
	{ SCORE_WARN_NO_PRIOR_AWARD, MSG_WARN_NO_PRIOR_AWARD },
};

/* Author roles in the page's language. */
static const char *
author_role_label(enum score_lang l, const char *role)
{
	static const char *const labels[3][SCORE_LANG__MAX] = {
		{ "Tác giả", "Author" },
		{ "Đại diện", "Representative" },
		{ "Giáo viên hướng dẫn", "Supporting teacher" },
	};

	for (size_t i = 0; i < 3; i++)
		if (strcmp(role, roles[i]) == 0)
			return labels[i][l];
	return role;
}

static enum msg
eligibility_msg(const char *e)
{
	if (strcmp(e, "eligible") == 0)
		return MSG_ELIGIBLE;
	return strcmp(e, "ineligible") == 0 ? MSG_INELIGIBLE : MSG_PENDING;
}

static void
entry_row(struct buf *out, enum score_lang l, const struct entry_view *v,
          const struct field_choice *fields, size_t nfields)
{
	html_fmt(
	    out,
	    "<tr><td>%s</td><td><a href=\"/entries/%lld\">%s</a></td>"
	    "<td>%s</td><td>%s</td><td>%lld</td>"
	    "<td><span class=\"state %s\">%s</span>%R</td></tr>\n",
	    v->code, v->id, v->title, field_title(fields, nfields, v->field),
	    v->nauthors > 0 ? v->authors[0].name : "", (long long)v->nauthors,
	    v->eligibility, T(l, eligibility_msg(v->eligibility)),
	    v->warnings != 0 ? " <span class=\"warning\">⚠</span>" : "");
}

void
page_entries(struct buf *out, const struct page *p,
             const struct edition_view *ed, const struct entry_view *rows,
             size_t n, const struct field_choice *fields, size_t nfields,
             bool can_edit)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/editions/%lld\">%s</a></p>"
	         "<h1>%s</h1>",
	         ed->id, ed->title, T(l, MSG_ENTRIES));
	if (can_edit)
		html_fmt(
		    out,
		    "<p class=\"actions\"><a class=\"button\" "
		    "href=\"/editions/%lld/entries/new\">%s</a> "
		    "<a class=\"button\" href=\"/editions/%lld/import\">%s</a> "
		    "<a "
		    "href=\"/editions/%lld/entries-template.csv\">%s</a></p>",
		    ed->id, T(l, MSG_NEW_ENTRY), ed->id, T(l, MSG_IMPORT),
		    ed->id, T(l, MSG_TEMPLATE));
	if (n == 0) {
		html_fmt(out, "<p>%s</p>", T(l, MSG_NO_ENTRIES));
		page_end(out, p);
		return;
	}
	html_fmt(out,
	         "<table><thead><tr><th>%s</th><th>%s</th><th>%s</th>"
	         "<th>%s</th><th>#</th><th>%s</th></tr></thead><tbody>\n",
	         T(l, MSG_CODE), T(l, MSG_TITLE), T(l, MSG_FIELD),
	         T(l, MSG_AUTHORS), T(l, MSG_ELIGIBILITY));
	for (size_t i = 0; i < n; i++)
		entry_row(out, l, &rows[i], fields, nfields);
	buf_puts(out, "</tbody></table>");
	page_end(out, p);
}

static void
textarea(struct buf *out, enum score_lang l, const char *name,
         const char *label, const char *value, const struct form_errors *e,
         int maxlength)
{
	enum msg m = e != NULL ? form_error_for(e, name) : MSG__MAX;
	char max[16];

	snprintf(max, sizeof(max), "%d", maxlength);
	html_fmt(out,
	         "<div class=\"field\"><label for=\"f-%s\">%s</label>"
	         "<textarea id=\"f-%s\" name=\"%s\" rows=\"4\" "
	         "maxlength=\"%s\">%s</textarea>",
	         name, label, name, name, max, value != NULL ? value : "");
	if (m != MSG__MAX)
		html_fmt(out, "<p class=\"error\" id=\"%s-error\">%s</p>", name,
		         T(l, m));
	buf_puts(out, "</div>\n");
}

static void
author_row(struct buf *out, enum score_lang l, size_t row,
           const struct author_view *a, const struct form_errors *e)
{
	const char *labels[3];

	for (size_t i = 0; i < 3; i++)
		labels[i] = author_role_label(l, roles[i]);
	html_fmt(out, "<fieldset class=\"author\"><legend>%s %d</legend>",
	         T(l, MSG_AUTHORS), (int)row + 1);
	field_input(out, l, "text", entry_author_field(row, 0),
	            T(l, MSG_AUTHOR_NAME), a != NULL ? a->name : "", e,
	            "maxlength=\"120\"");
	field_input(out, l, "date", entry_author_field(row, 1),
	            T(l, MSG_BIRTH_DATE), a != NULL ? a->birth_date : "", e,
	            NULL);
	field_input(out, l, "text", entry_author_field(row, 2),
	            T(l, MSG_ETHNICITY), a != NULL ? a->ethnicity : "", e,
	            "maxlength=\"60\"");
	field_input(out, l, "text", entry_author_field(row, 3), T(l, MSG_UNIT),
	            a != NULL ? a->unit : "", e, "maxlength=\"250\"");
	field_select(out, l, entry_author_field(row, 4), T(l, MSG_AUTHOR_ROLE),
	             roles, labels, 3, a != NULL ? a->role : "author", e);
	buf_puts(out, "</fieldset>\n");
}

static void
entry_fields(struct buf *out, enum score_lang l, const struct entry_view *v,
             const struct field_choice *fields, size_t nfields,
             const struct form_errors *e)
{
	const char *ids[64], *titles[64];
	size_t n = nfields < 64 ? nfields : 64;

	for (size_t i = 0; i < n; i++) {
		ids[i] = fields[i].id;
		titles[i] = fields[i].title;
	}
	field_input(out, l, "text", "code", T(l, MSG_CODE), v->code, e,
	            "required maxlength=\"40\" pattern=\"[A-Za-z0-9_-]+\"");
	field_input(out, l, "text", "title", T(l, MSG_TITLE), v->title, e,
	            "required maxlength=\"500\"");
	field_select(out, l, "field", T(l, MSG_FIELD), ids, titles, n, v->field,
	             e);
	textarea(out, l, "summary", T(l, MSG_SUMMARY), v->summary, e, 4000);
	field_input(out, l, "text", "organisation", T(l, MSG_ORGANISATION),
	            v->organisation, e, "maxlength=\"250\"");
	field_input(out, l, "text", "district", T(l, MSG_DISTRICT), v->district,
	            e, "maxlength=\"120\"");
	field_input(out, l, "date", "applied_since", T(l, MSG_APPLIED_SINCE),
	            v->applied_since, e, NULL);
	field_input(out, l, "text", "applied_place", T(l, MSG_APPLIED_PLACE),
	            v->applied_place, e, "maxlength=\"250\"");
	textarea(out, l, "prior_awards", T(l, MSG_PRIOR_AWARDS),
	         v->prior_awards, e, 1000);
}

void
page_entry_form(struct buf *out, const struct page *p,
                const struct edition_view *ed, const struct entry_view *v,
                const struct field_choice *fields, size_t nfields,
                const struct form_errors *e)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/editions/%lld/entries\">"
	         "%s</a></p><h1>%s</h1>",
	         ed->id, T(l, MSG_ENTRIES),
	         v->id != 0 ? v->title : T(l, MSG_NEW_ENTRY));
	if (e != NULL && e->count > 0)
		html_fmt(out, "<p class=\"notice error\" role=\"alert\">%s</p>",
		         T(l, MSG_FIX_ERRORS));
	if (v->id != 0)
		html_fmt(out,
		         "<form method=\"post\" action=\"/entries/%lld/edit\">",
		         v->id);
	else
		html_fmt(out,
		         "<form method=\"post\" "
		         "action=\"/editions/%lld/entries/new\">",
		         ed->id);
	field_csrf(out, p->csrf);
	entry_fields(out, l, v, fields, nfields, e);
	for (size_t row = 0; row < ENTRY_FORM_AUTHORS; row++)
		author_row(out, l, row,
		           row < v->nauthors ? &v->authors[row] : NULL, e);
	html_fmt(out,
	         "<p class=\"actions\"><button type=\"submit\">%s</button></p>"
	         "</form>",
	         T(l, MSG_SAVE));
	page_end(out, p);
}

static void
detail(struct buf *out, const char *label, const char *value)
{
	html_fmt(out, "<dt>%s</dt><dd>%s</dd>", label,
	         value != NULL && *value != '\0' ? value : "—");
}

static void
authors_table(struct buf *out, enum score_lang l, const struct entry_view *v)
{
	/* an empty table would read as "no authors" */
	if (v->authors_hidden) {
		html_fmt(out, "<h2>%s</h2><p class=\"notice\">%s</p>",
		         T(l, MSG_AUTHORS), T(l, MSG_AUTHORS_HIDDEN));
		return;
	}
	html_fmt(out,
	         "<h2>%s</h2><table><thead><tr><th>%s</th><th>%s</th>"
	         "<th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	         T(l, MSG_AUTHORS), T(l, MSG_AUTHOR_NAME), T(l, MSG_BIRTH_DATE),
	         T(l, MSG_ETHNICITY), T(l, MSG_UNIT), T(l, MSG_AUTHOR_ROLE));
	for (size_t i = 0; i < v->nauthors; i++) {
		const struct author_view *a = &v->authors[i];

		html_fmt(out,
		         "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
		         "<td>%s</td></tr>",
		         a->name, a->birth_date, a->ethnicity, a->unit,
		         author_role_label(l, a->role));
	}
	buf_puts(out, "</tbody></table>");
}

static void
eligibility(struct buf *out, const struct page *p, const struct entry_view *v,
            bool can_decide)
{
	enum score_lang l = p->lang;
	bool any = false;

	html_fmt(out, "<h2>%s</h2><h3>%s</h3><ul class=\"warnings\">",
	         T(l, MSG_ELIGIBILITY), T(l, MSG_WARNINGS));
	for (size_t i = 0; i < sizeof(warnings) / sizeof(warnings[0]); i++)
		if (v->warnings & warnings[i].bit) {
			html_fmt(out, "<li class=\"warning\">%s</li>",
			         T(l, warnings[i].msg));
			any = true;
		}
	if (!any)
		html_fmt(out, "<li>%s</li>", T(l, MSG_NO_WARNINGS));
	html_fmt(out,
	         "</ul><p><span class=\"state %s\">%s</span> "
	         "<span class=\"reason\">%s</span></p>",
	         v->eligibility, T(l, eligibility_msg(v->eligibility)),
	         v->eligibility_reason);
	if (!can_decide)
		return;
	html_fmt(out,
	         "<form method=\"post\" action=\"/entries/%lld/eligibility\">",
	         v->id);
	field_csrf(out, p->csrf);
	html_fmt(out,
	         "<div class=\"field check\"><label><input type=\"radio\" "
	         "name=\"decision\" value=\"eligible\"%R> %s</label> "
	         "<label><input type=\"radio\" name=\"decision\" "
	         "value=\"ineligible\"%R> %s</label></div>",
	         strcmp(v->eligibility, "eligible") == 0 ? " checked" : "",
	         T(l, MSG_ELIGIBLE),
	         strcmp(v->eligibility, "ineligible") == 0 ? " checked" : "",
	         T(l, MSG_INELIGIBLE));
	html_fmt(out,
	         "<div class=\"field\"><label for=\"f-reason\">%s</label>"
	         "<textarea id=\"f-reason\" name=\"reason\" rows=\"2\" "
	         "maxlength=\"500\">%s</textarea></div>"
	         "<p><button type=\"submit\">%s</button></p></form>",
	         T(l, MSG_REASON), v->eligibility_reason, T(l, MSG_DECIDE));
}

static void
attachments(struct buf *out, const struct page *p, const struct entry_view *v,
            const struct attachment_view *atts, size_t n, bool can_edit)
{
	enum score_lang l = p->lang;

	html_fmt(out, "<h2>%s</h2><ul>", T(l, MSG_ATTACHMENTS));
	for (size_t i = 0; i < n; i++)
		html_fmt(
		    out,
		    "<li><a href=\"/attachments/%lld\">%s</a> (%s, %lld KB)"
		    "</li>",
		    atts[i].id, atts[i].name, atts[i].mime,
		    (atts[i].size + 1023) / 1024);
	if (n == 0)
		html_fmt(out, "<li>%s</li>", T(l, MSG_NONE));
	buf_puts(out, "</ul>");
	if (!can_edit)
		return;
	html_fmt(out,
	         "<form method=\"post\" action=\"/entries/%lld/attachments\" "
	         "enctype=\"multipart/form-data\">",
	         v->id);
	field_csrf(out, p->csrf);
	html_fmt(out,
	         "<div class=\"field\"><label for=\"f-file\">%s</label>"
	         "<input type=\"file\" id=\"f-file\" name=\"file\" "
	         "accept=\"application/pdf,image/jpeg,image/png\" required>"
	         "</div><p><button type=\"submit\">%s</button></p></form>",
	         T(l, MSG_ATTACHMENT_RULES), T(l, MSG_UPLOAD));
}

void
page_entry(struct buf *out, const struct page *p, const struct edition_view *ed,
           const struct entry_view *v, const struct field_choice *fields,
           size_t nfields, const struct attachment_view *atts, size_t natts,
           bool can_edit, bool can_decide)
{
	enum score_lang l = p->lang;

	page_begin(out, p);
	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/editions/%lld\">%s</a> › "
	         "<a href=\"/editions/%lld/entries\">%s</a></p>"
	         "<h1>%s</h1><dl class=\"details\">",
	         ed->id, ed->title, ed->id, T(l, MSG_ENTRIES), v->title);
	detail(out, T(l, MSG_CODE), v->code);
	detail(out, T(l, MSG_FIELD), field_title(fields, nfields, v->field));
	detail(out, T(l, MSG_SUMMARY), v->summary);
	detail(out, T(l, MSG_ORGANISATION), v->organisation);
	detail(out, T(l, MSG_DISTRICT), v->district);
	detail(out, T(l, MSG_APPLIED_SINCE), v->applied_since);
	detail(out, T(l, MSG_APPLIED_PLACE), v->applied_place);
	detail(out, T(l, MSG_PRIOR_AWARDS), v->prior_awards);
	buf_puts(out, "</dl>");
	if (can_edit)
		html_fmt(out,
		         "<p><a class=\"button\" href=\"/entries/%lld/edit\">"
		         "%s</a></p>",
		         v->id, T(l, MSG_EDIT));
	authors_table(out, l, v);
	eligibility(out, p, v, can_decide);
	attachments(out, p, v, atts, natts, can_edit);
	page_end(out, p);
}
