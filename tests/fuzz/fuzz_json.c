/*
 * fuzz_json.c - the JSON pull reader on any bytes: it ends in JSON_END
 * or JSON_ERROR (with a message) without reading past the input, and
 * never nests deeper than its limit.
 */
#include <stdint.h>
#include <stdlib.h>

#include "tsunagi/json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_reader r;
	json_token t;
	size_t n = 0;

	json_reader_init(&r, (const char *)data, size);
	while ((t = json_next(&r)) > JSON_END) {
		if (r.depth > JSON_MAX_DEPTH || r.pos > size || ++n > size + 1)
			abort();
	}
	if (t == JSON_ERROR && !r.err[0])
		abort();
	json_reader_free(&r);
	return 0;
}
