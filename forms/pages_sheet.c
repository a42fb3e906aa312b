/* pages_sheet.c: the score sheet a judge fills in on a tablet: the entry,
 * then one block per criterion (description, levels, the score with − and
 * + buttons), the total, a comment, "save draft" and "submit". Plain form
 * posts; sheet.js adds the steppers, tappable levels, the live total and
 * (with queue.js) the offline queue. */
#include <stdio.h>
#include <string.h>

#include "forms.h"

static const char *
text_in(const struct score_text *t, enum score_lang l)
{
	return l == SCORE_LANG_EN && t->en != NULL ? t->en : t->vi;
}

static void
entry_part(struct buf *out, const struct page *p, const struct sheet_view *v)
{
	enum score_lang l = p->lang;
	const struct entry_view *e = v->entry;

	html_fmt(out,
	         "<p class=\"crumbs\"><a href=\"/\">%s</a></p>"
	         "<h1>%s – %s</h1><dl class=\"details\">"
	         "<dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd>",
	         T(l, MSG_HOME_JUDGE), e->code, e->title, T(l, MSG_FIELD),
	         v->field, T(l, MSG_SUMMARY),
	         *e->summary != '\0' ? e->summary : "—");
	if (*e->organisation != '\0')
		html_fmt(out, "<dt>%s</dt><dd>%s</dd>", T(l, MSG_ORGANISATION),
		         e->organisation);
	for (size_t i = 0; i < e->nauthors; i++)
		html_fmt(out, "<dt>%s</dt><dd>%s</dd>", T(l, MSG_AUTHORS),
		         e->authors[i].name);
	if (*v->deadline != '\0')
		html_fmt(out, "<dt>%s</dt><dd>%s</dd>", T(l, MSG_DEADLINE),
		         v->deadline);
	buf_puts(out, "</dl>");
	if (v->natts == 0)
		return;
	html_fmt(out, "<h2>%s</h2><ul class=\"attachments\">",
	         T(l, MSG_ATTACHMENTS));
	for (size_t i = 0; i < v->natts; i++)
		html_fmt(
		    out,
		    "<li><a href=\"/attachments/%lld\">%s</a> (%lld KB)</li>",
		    v->atts[i].id, v->atts[i].name,
		    (v->atts[i].size + 1023) / 1024);
	buf_puts(out, "</ul>");
}

/* The level descriptors: sheet.js puts each one's text in a button that
 * sets the score to the level's top. */
static void
levels(struct buf *out, enum score_lang l, const struct score_criterion *c)
{
	char a[32], b[32];

	if (c->nlevels == 0)
		return;
	html_fmt(out, "<ul class=\"levels\" aria-label=\"%s\">",
	         T(l, MSG_LEVELS));
	for (size_t k = 0; k < c->nlevels; k++) {
		score_q_format(c->levels[k].min, a, sizeof(a));
		score_q_format(c->levels[k].max, b, sizeof(b));
		html_fmt(out,
		         "<li data-min=\"%s\" data-max=\"%s\"><span "
		         "class=\"range\">%s–%s</span> %s</li>",
		         a, b, a, b, text_in(&c->levels[k].label, l));
	}
	buf_puts(out, "</ul>");
}

static void
criterion(struct buf *out, const struct page *p, const struct sheet_view *v,
          size_t i)
{
	const struct score_criterion *c = &v->rubric->criteria[i];
	enum score_lang l = p->lang;
	const char *err;
	char name[16], max[32], step[32], weight[32];

	sheet_field(i, name, sizeof(name));
	err = v->errors != NULL ? form_error_text(v->errors, name, l) : NULL;
	score_q_format(c->max, max, sizeof(max));
	score_q_format(c->step, step, sizeof(step));
	score_q_format(c->weight, weight, sizeof(weight));
	html_fmt(out,
	         "<fieldset class=\"criterion\" data-id=\"%s\" data-max=\"%s\" "
	         "data-step=\"%s\" data-weight=\"%s\"><legend>%s "
	         "<span class=\"max\">(%s: %s)</span></legend>",
	         c->id, max, step, weight, text_in(&c->title, l),
	         T(l, MSG_MAX_POINTS), max);
	if (c->description.vi != NULL)
		html_fmt(out, "<p class=\"hint\">%s</p>",
		         text_in(&c->description, l));
	levels(out, l, c);
	html_fmt(
	    out,
	    "<div class=\"stepper\"><button type=\"button\" "
	    "class=\"less\" hidden aria-label=\"%s\">−</button>"
	    "<input type=\"text\" inputmode=\"decimal\" id=\"f-%s\" "
	    "name=\"%s\" value=\"%s\" maxlength=\"12\" autocomplete=\"off\" "
	    "aria-label=\"%s\"%R><button type=\"button\" class=\"more\" "
	    "hidden aria-label=\"%s\">+</button>"
	    "<output class=\"remaining\" data-label=\"%s\"></output></div>",
	    T(l, MSG_STEP_DOWN), name, name, v->values[i],
	    text_in(&c->title, l), err != NULL ? " aria-invalid=\"true\"" : "",
	    T(l, MSG_STEP_UP), T(l, MSG_REMAINING));
	field_error(out, l, name, v->errors);
	buf_puts(out, "</fieldset>");
}

static void
status(struct buf *out, enum score_lang l, const struct sheet_view *v)
{
	enum msg m = strcmp(v->state, "submitted") == 0 ? MSG_SUBMITTED
	             : strcmp(v->state, "draft") == 0   ? MSG_DRAFT
	                                                : MSG_NOT_STARTED;

	/* each state's words, for sheet.js when a queued save is answered */
	html_fmt(out,
	         "<h2>%s</h2><p class=\"sheet-state\" data-none=\"%s\" "
	         "data-draft=\"%s\" data-submitted=\"%s\"><span class=\"state "
	         "%s\">%s</span></p>",
	         T(l, MSG_SHEET), T(l, MSG_NOT_STARTED), T(l, MSG_DRAFT),
	         T(l, MSG_SUBMITTED), *v->state != '\0' ? v->state : "none",
	         T(l, m));
	if (v->notice != MSG__MAX)
		html_fmt(out, "<p class=\"notice%R\" role=\"status\">%s</p>",
		         v->notice == MSG_SHEET_SAVED ||
		                 v->notice == MSG_SHEET_SENT
		             ? ""
		             : " error",
		         T(l, v->notice));
	if (v->errors != NULL && v->errors->count > 0)
		html_fmt(out, "<p class=\"notice error\" role=\"alert\">%s</p>",
		         T(l, MSG_FIX_ERRORS));
	/* what the tablet's queue says (sheet.js shows it) */
	html_fmt(out,
	         "<p class=\"queue notice\" hidden aria-live=\"polite\" "
	         "data-local=\"%s\" data-sent=\"%s\" data-waiting=\"%s\" "
	         "data-login=\"%s\" data-pending=\"%s\" data-restored=\"%s\">"
	         "</p>",
	         T(l, MSG_Q_LOCAL), T(l, MSG_Q_SENT), T(l, MSG_Q_WAITING),
	         T(l, MSG_Q_LOGIN), T(l, MSG_Q_PENDING), T(l, MSG_Q_RESTORED));
	if (v->locked)
		html_fmt(out, "<p class=\"notice\">%s</p>",
		         T(l, MSG_SHEET_LOCKED));
	else if (!v->can_write)
		html_fmt(out, "<p class=\"notice\">%s</p>",
		         T(l, MSG_SHEET_CLOSED));
}

/* Hidden fields: what the save is based on, and its id. */
static void
hidden(struct buf *out, const struct page *p, const struct sheet_view *v)
{
	field_csrf(out, p->csrf);
	html_fmt(out,
	         "<input type=\"hidden\" name=\"client_id\" value=\"%s\">"
	         "<input type=\"hidden\" name=\"version\" value=\"%d\">"
	         "<input type=\"hidden\" name=\"rubric_version\" value=\"%d\">",
	         v->client_id, v->version, v->rubric_version);
}

static void
closing(struct buf *out, const struct page *p, const struct sheet_view *v)
{
	enum score_lang l = p->lang;
	char total[32];

	score_q_format(score_rubric_total_max(v->rubric), total, sizeof(total));
	html_fmt(out,
	         "<p class=\"total\">%s: <output id=\"sheet-total\">–</output>"
	         " / %s</p><div class=\"field\"><label for=\"f-comment\">%s"
	         "</label><textarea id=\"f-comment\" name=\"comment\" "
	         "rows=\"3\" maxlength=\"4000\">%s</textarea></div>",
	         T(l, MSG_TOTAL), total, T(l, MSG_COMMENT), v->comment);
	if (strcmp(v->state, "submitted") == 0 && v->can_write) {
		html_fmt(
		    out,
		    "<div class=\"field\"><label for=\"f-reason\">%s</label>"
		    "<input type=\"text\" id=\"f-reason\" name=\"reason\" "
		    "maxlength=\"500\">",
		    T(l, MSG_REASON_CHANGE));
		field_error(out, l, "reason", v->errors);
		buf_puts(out, "</div>");
	}
	if (v->can_write)
		html_fmt(out,
		         "<div class=\"actions\"><button type=\"submit\" "
		         "name=\"op\" value=\"draft\" class=\"secondary\">%s"
		         "</button><button type=\"submit\" name=\"op\" "
		         "value=\"submit\">%s</button></div>",
		         T(l, MSG_SAVE_DRAFT), T(l, MSG_SUBMIT_SHEET));
}

void
page_sheet(struct buf *out, const struct page *p, const struct sheet_view *v)
{
	page_begin(out, p);
	entry_part(out, p, v);
	/* before the scores: a judge who finds a tie to the entry while
	 * reading it should not have to score it first */
	if (v->can_declare)
		conflict_form(out, p, v->entry->id, v->entry->code);
	status(out, p->lang, v);
	html_fmt(out,
	         "<form method=\"post\" action=\"/entries/%lld/sheet\" "
	         "class=\"sheet\" data-entry=\"%lld\" data-state=\"%s\" "
	         "data-writable=\"%R\">",
	         v->entry->id, v->entry->id, v->state,
	         v->can_write ? "1" : "0");
	hidden(out, p, v);
	if (!v->can_write)
		buf_puts(out, "<fieldset disabled class=\"plain\">");
	for (size_t i = 0; i < v->rubric->ncriteria; i++)
		criterion(out, p, v, i);
	closing(out, p, v);
	if (!v->can_write)
		buf_puts(out, "</fieldset>");
	buf_puts(out,
	         "</form><script src=\"/static/sheet.js\" defer></script>");
	page_end(out, p);
}
