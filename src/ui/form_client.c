/*
 * form_client.c - the client's form fields, made from the description of
 * the client (CLIENT_FIELDS in store_client.h): a field's widget comes
 * from its type and flags, so a new client field needs nothing here.
 * Apart from screen_form.c so that a test can build the form alone.
 */
#include <stdlib.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/store_client.h"
#include "tsunagi/ui_app.h"
#include "tsunagi/xalloc.h"

void ui_field_enum_choices(ui_field *fd, const char *const *values)
{
	size_t n = 0;
	const char **labels;

	while (values[n])
		n++;
	labels = xcalloc(n + 1, sizeof *labels);
	for (size_t i = 0; i < n; i++)
		labels[i] = values[i][0] ? store_enum_label(values[i]) : "-";
	ui_field_set_choices(fd, values, labels);
	free(labels);
}

void ui_client_form_fields(ui_form *f)
{
	for (const client_field *cf = client_fields; cf->name; cf++) {
		ui_field_kind kind = cf->flags & CF_MULTILINE ? UI_F_LONG : UI_F_TEXT;
		size_t max = cf->max;
		ui_field *fd;

		if (!client_field_editable(cf))
			continue;
		switch (cf->type) {
		case CT_DATE: kind = UI_F_DATE; max = 40; break;
		case CT_CHOICE: kind = UI_F_CHOICE; break;
		case CT_LEVEL:
		case CT_YEN: max = STORE_SHORT_MAX; break;   /* typed "9,300円" */
		case CT_TEXT: break;
		}
		fd = ui_form_add(f, cf->name, _(cf->label), kind, max);
		fd->required = (cf->flags & CF_REQUIRED) != 0;
		if (kind == UI_F_CHOICE)
			ui_field_enum_choices(fd, cf->choice->values);
	}
}
