/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer harness for the CSV reader: every row and field of any bytes, in both
 * encodings and with each separator (chosen by the first byte). */

#include "config.h"

#include <gio/gio.h>

#include "tenure-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char separators[] = { 0, ',', ';', '\t' };
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(TenureCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  TenureCsvEncoding encoding;
  TenureCsvStatus status;
  char separator;
  guint rows = 0;

  if (size < 1)
    return 0;

  encoding = (data[0] & 0x80) ? TENURE_CSV_ENCODING_WINDOWS_1252 : TENURE_CSV_ENCODING_UTF8;
  separator = separators[(data[0] & 0x7f) % G_N_ELEMENTS (separators)];
  stream = g_memory_input_stream_new_from_data (data + 1, (gssize) size - 1, NULL);
  reader = tenure_csv_reader_new (stream, (goffset) size - 1, encoding, separator);

  while ((status = tenure_csv_reader_read_row (reader, &error)) == TENURE_CSV_ROW)
    {
      guint n_fields = tenure_csv_reader_get_n_fields (reader);

      g_assert (n_fields > 0);
      for (guint i = 0; i < n_fields; i++)
        {
          const char *field = tenure_csv_reader_get_field (reader, i);
          guint line, column;

          /* Fields are valid UTF-8 of the length said, at a real place. */
          g_assert (field != NULL);
          g_assert (strlen (field) == tenure_csv_reader_get_field_length (reader, i));
          g_assert (g_utf8_validate (field, -1, NULL));
          tenure_csv_reader_get_field_position (reader, i, &line, &column);
          g_assert (line >= 1 && column >= 1);
        }
      g_assert (tenure_csv_reader_get_bytes_read (reader) <= (goffset) size - 1);
      rows++;
    }

  if (status == TENURE_CSV_FAILED)
    {
      guint line, column;

      g_assert (error != NULL && error->message != NULL && *error->message != '\0');
      tenure_csv_reader_get_error_position (reader, &line, &column);
      g_assert (line >= 1 && column >= 1);
    }
  else
    {
      g_assert (status == TENURE_CSV_END);
      g_assert (error == NULL);
      g_assert (tenure_csv_reader_get_sha256 (reader) != NULL);
    }

  return 0;
}
