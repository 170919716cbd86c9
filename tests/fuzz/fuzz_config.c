/*
 * fuzz_config.c - the settings parser on any bytes: it must never crash,
 * and whatever it keeps must be valid UTF-8.  The settings screen's
 * rewrite of the same bytes must then read back with the values it
 * wrote, whatever else the file holds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tsunagi/config.h"
#include "tsunagi/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	config c;

	config_defaults(&c);
	config_parse(&c, (const char *)data, size);
	if (!text_valid_utf8(c.worker, strlen(c.worker), NULL) ||
	    !text_valid_utf8(c.office, strlen(c.office), NULL))
		abort();
	config_free(&c);

	{
		const config_change ch[] = { { "office", "事業所" }, { "lead.plan", "61" } };
		size_t len;
		char *out = config_rewrite((const char *)data, size, ch, 2, &len);

		config_defaults(&c);
		config_parse(&c, out, len);
		if (strcmp(c.office, "事業所") != 0 || c.leads.days[DUE_LEAD_PLAN_END] != 61)
			abort();
		config_free(&c);
		free(out);
	}
	return 0;
}
