/* demo_data.h: the realistic Vietnamese sample data of the demo. */
#ifndef GIAMKHAO_DEMO_DATA_H
#define GIAMKHAO_DEMO_DATA_H

#include <stddef.h>

struct demo_expert {
	const char *name, *title, *unit, *fields, *email, *phone;
};

struct demo_entry {
	const char *field; /* the rubric's field id */
	const char *title;
	const char *summary;
	const char *organisation;
	const char *district;
	const char *applied_since;
	const char *prior_awards;
	const char *authors[3]; /* name|birth date|ethnicity|unit|role */
};

extern const struct demo_expert demo_experts[12];
extern const struct demo_entry demo_technical[30];
extern const struct demo_entry demo_youth[15];
extern const struct demo_entry demo_vifotec[8];
extern const struct demo_entry demo_golden[5];
extern const struct demo_entry demo_honouring[4];

#endif
