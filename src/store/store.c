/*
 * store.c - what the store modules share: the database's location,
 * validation of text before it is stored, and enumeration names.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tsunagi/i18n.h"
#include "tsunagi/store.h"
#include "tsunagi/text.h"
#include "tsunagi/xalloc.h"

char *store_db_path(const char *explicit_path, tsu_err *e)
{
	const char *env = getenv("TSUNAGI_DB");
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	/* An empty path is a mistake (an unset shell variable), not a wish
	 * for the default database: the default may be another one. */
	if (explicit_path) {
		if (!*explicit_path) {
			err_set(e, TSU_EINVAL, _("--db: the path is empty; give the database file, or leave --db out for the default"));
			return NULL;
		}
		return xstrdup(explicit_path);
	}
	if (env) {
		if (!*env) {
			err_set(e, TSU_EINVAL, _("TSUNAGI_DB is set but empty; give it the database file, or unset it for the default"));
			return NULL;
		}
		return xstrdup(env);
	}
	/* The XDG spec: a relative path in XDG_DATA_HOME is invalid and
	 * must be ignored. */
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/tsunagi/tsunagi.db", xdg);
	if (!home || home[0] != '/') {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home || !*home) {
		err_set(e, TSU_EINVAL, _("cannot find your home directory; give --db FILE or set TSUNAGI_DB"));
		return NULL;
	}
	return xasprintf("%s/.local/share/tsunagi/tsunagi.db", home);
}

int store_check_text(const char *label, const char *value, size_t max,
		     bool required, tsu_err *e)
{
	size_t bad, n;

	if (!value)
		value = "";
	n = strlen(value);
	if (!text_valid_utf8(value, n, &bad))
		return err_set(e, TSU_EINVAL, _("%s: the text is not valid UTF-8 (byte %zu); retype it or check the terminal's encoding"), label, bad + 1);
	if (required) {
		char *t = text_trim(value);
		bool blank = t[0] == '\0';
		free(t);
		if (blank)
			return err_set(e, TSU_EINVAL, _("%s: must not be empty"), label);
	}
	n = text_chars(value);
	if (n > max)
		return err_set(e, TSU_EINVAL, _("%s: %zu characters is too long (at most %zu); shorten it"), label, n, max);
	return TSU_OK;
}

const char *const store_case_kinds[] = { "plan", "child", "transition", "retention", NULL };
const char *const store_cert_kinds[] = { "service", "day_service", "community", "support_level", NULL };
const char *const store_contact_roles[] = { "family", "guardian", "doctor", "provider", "school", "municipality", "other", NULL };
const char *const store_sexes[] = { "", "female", "male", "other", NULL };
const char *const store_close_reasons[] = { "moved", "died", "ended", "transferred", "wish", "other", NULL };

int store_enum_index(const char *const *names, const char *value)
{
	if (!value)
		return -1;
	for (int i = 0; names[i]; i++)
		if (strcmp(names[i], value) == 0)
			return i;
	return -1;
}

const char *store_enum_list(const char *const *names)
{
	static char buf[5][256];
	static const char *const *owner[5];
	int slot;

	for (slot = 0; slot < 5; slot++)
		if (owner[slot] == names || owner[slot] == NULL)
			break;
	if (slot == 5)
		slot = 0;
	if (owner[slot] != names) {
		size_t len = 0;
		buf[slot][0] = '\0';
		for (int i = 0; names[i]; i++) {
			if (!*names[i])
				continue;
			len += (size_t)snprintf(buf[slot] + len, sizeof buf[slot] - len, "%s%s",
						len ? ", " : "", names[i]);
			if (len >= sizeof buf[slot])
				break;
		}
		owner[slot] = names;
	}
	return buf[slot];
}

const char *store_enum_label(const char *value)
{
	static const struct { const char *v, *label; } labels[] = {
		{ "plan", N_("planning") },
		{ "child", N_("child") },
		{ "transition", N_("transition") },
		{ "retention", N_("retention") },
		{ "service", N_("service certificate") },
		{ "day_service", N_("day-service certificate") },
		{ "community", N_("community support certificate") },
		{ "support_level", N_("support level decision") },
		{ "meeting", N_("interview") },
		{ "visit", N_("home visit") },
		{ "phone", N_("phone") },
		{ "conference", N_("conference") },
		{ "accompany", N_("accompanying") },
		{ "family", N_("family") },
		{ "guardian", N_("guardian") },
		{ "doctor", N_("doctor") },
		{ "provider", N_("provider") },
		{ "school", N_("school") },
		{ "municipality", N_("municipality") },
		{ "other", N_("other") },
		{ "office", N_("at the office") },
		{ "female", N_("female") },
		{ "male", N_("male") },
		{ "active", N_("active") },
		{ "closed", N_("closed") },
		{ "draft", N_("draft") },
		{ "final", N_("final") },
		{ "superseded", N_("superseded") },
		/* why a case was closed (client.closed_reason) */
		{ "moved", N_("moved away") },
		{ "died", N_("died") },
		{ "ended", N_("support no longer needed") },
		{ "transferred", N_("taken over by another office") },
		{ "wish", N_("the client's wish") },
		/* ICF components, with the letter their codes start with. */
		{ "b", N_("b: body functions") },
		{ "s", N_("s: body structures") },
		{ "d", N_("d: activities and participation") },
		{ "e", N_("e: environmental factors") },
		{ "personal", N_("personal factors") },
		/* why a monitoring month was not done (monitoring_skip.reason) */
		{ "hospital", N_("in hospital") },
		{ "postponed", N_("postponed at the client's wish") },
		{ "unreachable", N_("could not be reached") },
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i].v, value) == 0)
			return _(labels[i].label);
	return value;
}
