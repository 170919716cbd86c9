/*
 * fuzz_config.c - the settings parser on any bytes: it must never crash,
 * and whatever it keeps must be valid UTF-8.
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
	return 0;
}
