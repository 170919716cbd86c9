/*
 * fuzz_encoding.c - the iconv wrapper on any bytes.  The first byte
 * picks the source and target encodings; a conversion either gives all
 * of the text (valid UTF-8 when the target is UTF-8) or fails with a
 * place inside the input.
 */
#include <stdint.h>
#include <stdlib.h>

#include "tsunagi/encoding.h"
#include "tsunagi/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum enc from, to;
	char *out;
	size_t outlen;
	enc_fail fail;
	tsu_err e;

	if (size < 1)
		return 0;
	from = (enum enc)(data[0] % 3);
	to = (enum enc)((data[0] / 3) % 3);
	data++;
	size--;
	enc_guess((const char *)data, size);
	if (enc_convert(from, to, (const char *)data, size, &out, &outlen, &fail, &e) == TSU_OK) {
		if (to == ENC_UTF8 && !text_valid_utf8(out, outlen, NULL))
			abort();
		free(out);
	} else if (out != NULL || (fail.byte_offset > size && size > 0)) {
		abort();
	}
	return 0;
}
