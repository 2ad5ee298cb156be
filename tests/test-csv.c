/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV reader: separators, quotes, line ends, encodings, and where errors are. */

#include "config.h"

#include "tenure-csv.h"
#include "tenure-test-util.h"

static TenureCsvReader *
reader_for (const char        *data,
            gssize             length,
            TenureCsvEncoding  encoding,
            char               separator)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (length < 0)
    length = (gssize) strlen (data);
  bytes = g_bytes_new (data, (gsize) length);
  stream = g_memory_input_stream_new_from_bytes (bytes);

  return tenure_csv_reader_new (stream, length, encoding, separator);
}

/* All rows as one string: fields joined by '|', rows ended by '\n'. */
static char *
read_all (TenureCsvReader  *reader,
          GError          **error)
{
  GString *out = g_string_new (NULL);
  TenureCsvStatus status;

  while ((status = tenure_csv_reader_read_row (reader, error)) == TENURE_CSV_ROW)
    {
      for (guint i = 0; i < tenure_csv_reader_get_n_fields (reader); i++)
        {
          if (i > 0)
            g_string_append_c (out, '|');
          g_string_append (out, tenure_csv_reader_get_field (reader, i));
        }
      g_string_append_c (out, '\n');
    }

  if (status == TENURE_CSV_FAILED)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

static void
test_basic (void)
{
  g_autoptr(TenureCsvReader) reader = reader_for ("a,b,c\n1,2,3\n", -1, TENURE_CSV_ENCODING_UTF8, 0);
  g_autoptr(GError) error = NULL;
  guint line, column;

  g_assert_cmpint (tenure_csv_reader_read_row (reader, &error), ==, TENURE_CSV_ROW);
  g_assert_cmpuint (tenure_csv_reader_get_n_fields (reader), ==, 3);
  g_assert_cmpstr (tenure_csv_reader_get_field (reader, 2), ==, "c");
  g_assert_cmpint (tenure_csv_reader_get_separator (reader), ==, ',');
  g_assert_false (tenure_csv_reader_had_bom (reader));

  g_assert_cmpint (tenure_csv_reader_read_row (reader, &error), ==, TENURE_CSV_ROW);
  g_assert_cmpstr (tenure_csv_reader_get_field (reader, 1), ==, "2");
  g_assert_cmpuint (tenure_csv_reader_get_field_length (reader, 1), ==, 1);
  g_assert_cmpstr (tenure_csv_reader_get_field (reader, 7), ==, "");
  tenure_csv_reader_get_field_position (reader, 2, &line, &column);
  g_assert_cmpuint (line, ==, 2);
  g_assert_cmpuint (column, ==, 5);
  g_assert_cmpuint (tenure_csv_reader_get_line (reader), ==, 2);

  g_assert_null (tenure_csv_reader_get_sha256 (reader));
  g_assert_cmpint (tenure_csv_reader_read_row (reader, &error), ==, TENURE_CSV_END);
  g_assert_no_error (error);
  g_assert_cmpint (tenure_csv_reader_read_row (reader, &error), ==, TENURE_CSV_END);
  g_assert_cmpuint (strlen (tenure_csv_reader_get_sha256 (reader)), ==, 64);
}

static void
test_checksum (void)
{
  const char *data = "x;y\r\n1;2\r\n";
  g_autoptr(TenureCsvReader) reader = reader_for (data, -1, TENURE_CSV_ENCODING_UTF8, 0);
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, data, -1);
  g_autofree char *all = read_all (reader, NULL);

  g_assert_cmpstr (all, ==, "x|y\n1|2\n");
  g_assert_cmpstr (tenure_csv_reader_get_sha256 (reader), ==, expected);
  g_assert_cmpint (tenure_csv_reader_get_bytes_read (reader), ==, (goffset) strlen (data));
}

static void
test_separators (void)
{
  struct { const char *data; char separator; const char *rows; } cases[] = {
    { "a;b;c\n1;2,5;3\n", ';', "a|b|c\n1|2,5|3\n" },
    { "a\tb\n1\t2\n", '\t', "a|b\n1|2\n" },
    { "a,b\n1;2,3\n", ',', "a|b\n1;2|3\n" },
    { "single\nx\n", ',', "single\nx\n" },
    /* Separators inside quotes do not count. */
    { "\"a;b;c\",d\n1,2\n", ',', "a;b;c|d\n1|2\n" },
    /* A tie prefers ';' (French exports write "1,5" in the data, not in the header). */
    { "Montant (€, TTC);Client\n1,5;A\n", ';', "Montant (€, TTC)|Client\n1,5|A\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TenureCsvReader) reader = reader_for (cases[i].data, -1, TENURE_CSV_ENCODING_UTF8, 0);
      g_autoptr(GError) error = NULL;
      g_autofree char *all = read_all (reader, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (all, ==, cases[i].rows);
      g_assert_cmpint (tenure_csv_reader_get_separator (reader), ==, cases[i].separator);
    }

  /* Excel's "sep=" line names the separator and is not a row; lines still count it. */
  {
    g_autoptr(TenureCsvReader) reader = reader_for ("sep=;\r\na,b;c\r\n1;2\r\n", -1,
                                                    TENURE_CSV_ENCODING_UTF8, 0);
    g_autofree char *all = NULL;

    g_assert_cmpint (tenure_csv_reader_read_row (reader, NULL), ==, TENURE_CSV_ROW);
    g_assert_cmpuint (tenure_csv_reader_get_line (reader), ==, 2);
    g_assert_cmpstr (tenure_csv_reader_get_field (reader, 0), ==, "a,b");
    all = read_all (reader, NULL);
    g_assert_cmpstr (all, ==, "1|2\n");
    g_assert_cmpint (tenure_csv_reader_get_separator (reader), ==, ';');
  }

  /* A separator given by the caller wins. */
  {
    g_autoptr(TenureCsvReader) reader = reader_for ("a;b,c\n", -1, TENURE_CSV_ENCODING_UTF8, ',');
    g_autofree char *all = read_all (reader, NULL);

    g_assert_cmpstr (all, ==, "a;b|c\n");
  }
}

static void
test_quotes (void)
{
  const char *data =
    "id,comment,n\n"
    "1,\"Hello, world\",2\n"
    "2,\"She said \"\"yes\"\"\",3\n"
    "3,\"two\r\nlines\nand three\",4\n"
    "4,\"\",5\n"
    "5,a\"b,6\n";
  g_autoptr(TenureCsvReader) reader = reader_for (data, -1, TENURE_CSV_ENCODING_UTF8, 0);
  g_autoptr(GError) error = NULL;
  guint line, column;

  g_assert_cmpint (tenure_csv_reader_read_row (reader, &error), ==, TENURE_CSV_ROW);
  g_assert_cmpint (tenure_csv_reader_read_row (reader, &error), ==, TENURE_CSV_ROW);
  g_assert_cmpstr (tenure_csv_reader_get_field (reader, 1), ==, "Hello, world");
  g_assert_cmpstr (tenure_csv_reader_get_field (reader, 2), ==, "2");
  g_assert_cmpint (tenure_csv_reader_read_row (reader, &error), ==, TENURE_CSV_ROW);
  g_assert_cmpstr (tenure_csv_reader_get_field (reader, 1), ==, "She said \"yes\"");
  g_assert_cmpint (tenure_csv_reader_read_row (reader, &error), ==, TENURE_CSV_ROW);
  g_assert_cmpstr (tenure_csv_reader_get_field (reader, 1), ==, "two\nlines\nand three");
  g_assert_cmpuint (tenure_csv_reader_get_line (reader), ==, 4);
  /* The field after a three-line field is on the third of those lines. */
  tenure_csv_reader_get_field_position (reader, 2, &line, &column);
  g_assert_cmpuint (line, ==, 6);
  g_assert_cmpuint (column, ==, 12);
  g_assert_cmpint (tenure_csv_reader_read_row (reader, &error), ==, TENURE_CSV_ROW);
  g_assert_cmpuint (tenure_csv_reader_get_line (reader), ==, 7);
  g_assert_cmpstr (tenure_csv_reader_get_field (reader, 1), ==, "");
  g_assert_cmpint (tenure_csv_reader_read_row (reader, &error), ==, TENURE_CSV_ROW);
  g_assert_cmpstr (tenure_csv_reader_get_field (reader, 1), ==, "a\"b");
  g_assert_cmpint (tenure_csv_reader_read_row (reader, &error), ==, TENURE_CSV_END);
  g_assert_no_error (error);
}

static void
test_line_ends (void)
{
  struct { const char *data; const char *rows; } cases[] = {
    { "a,b\r\n1,2\r\n", "a|b\n1|2\n" },
    { "a,b\n1,2", "a|b\n1|2\n" },                       /* no newline at the end */
    { "a,b\r1,2\r", "a|b\n1|2\n" },                     /* old Mac line ends */
    { "\n\na,b\n\n\r\n1,2\n\n", "a|b\n1|2\n" },         /* empty lines */
    { "a,b,\n1,,\n", "a|b|\n1||\n" },                   /* empty last fields */
    { "a,b\n1,\"x\"", "a|b\n1|x\n" },                   /* quoted, at the very end */
    { "a\n,", "a\n|\n" },
    { "", "" },
    { "\r\n", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TenureCsvReader) reader = reader_for (cases[i].data, -1, TENURE_CSV_ENCODING_UTF8, 0);
      g_autoptr(GError) error = NULL;
      g_autofree char *all = read_all (reader, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (all, ==, cases[i].rows);
    }
}

static void
test_bom (void)
{
  g_autoptr(TenureCsvReader) reader = reader_for ("\xef\xbb\xbf" "Client;Début\r\nA;10/01/2026\r\n",
                                                  -1, TENURE_CSV_ENCODING_UTF8, 0);
  g_autoptr(GError) error = NULL;
  guint line, column;

  g_assert_cmpint (tenure_csv_reader_read_row (reader, &error), ==, TENURE_CSV_ROW);
  g_assert_true (tenure_csv_reader_had_bom (reader));
  g_assert_cmpstr (tenure_csv_reader_get_field (reader, 0), ==, "Client");
  g_assert_cmpstr (tenure_csv_reader_get_field (reader, 1), ==, "Début");
  g_assert_cmpint (tenure_csv_reader_get_separator (reader), ==, ';');
  tenure_csv_reader_get_field_position (reader, 1, &line, &column);
  g_assert_cmpuint (column, ==, 8);
}

static void
expect_error (const char        *data,
              gssize             length,
              TenureCsvEncoding  encoding,
              TenureCsvError     code,
              guint              expected_line,
              guint              expected_column)
{
  g_autoptr(TenureCsvReader) reader = reader_for (data, length, encoding, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *all = read_all (reader, &error);
  guint line, column;

  g_assert_null (all);
  g_assert_error (error, TENURE_CSV_ERROR, (int) code);
  g_assert_cmpstr (error->message, !=, "");
  tenure_csv_reader_get_error_position (reader, &line, &column);
  g_assert_cmpuint (line, ==, expected_line);
  g_assert_cmpuint (column, ==, expected_column);
}

static void
test_encoding_errors (void)
{
  /* "é" in Windows-1252 is a lone 0xE9: not UTF-8. Columns count characters. */
  expect_error ("name,city\nSoci\xe9t\xe9,Lyon\n", -1, TENURE_CSV_ENCODING_UTF8,
                TENURE_CSV_ERROR_ENCODING, 2, 5);
  expect_error ("né,\xff\n", -1, TENURE_CSV_ENCODING_UTF8, TENURE_CSV_ERROR_ENCODING, 1, 4);
  /* Overlong, surrogate, and a sequence cut by the end of the file. */
  expect_error ("a\n\xc0\xaf\n", -1, TENURE_CSV_ENCODING_UTF8, TENURE_CSV_ERROR_ENCODING, 2, 1);
  expect_error ("ab\xed\xa0\x80\n", -1, TENURE_CSV_ENCODING_UTF8, TENURE_CSV_ERROR_ENCODING, 1, 3);
  expect_error ("abc\xe2\x82", -1, TENURE_CSV_ENCODING_UTF8, TENURE_CSV_ERROR_ENCODING, 1, 4);
  /* A sequence cut by an ASCII byte. */
  expect_error ("a,\xe2\x82" "b\n", -1, TENURE_CSV_ENCODING_UTF8, TENURE_CSV_ERROR_ENCODING, 1, 3);
  expect_error ("\xff\xfe" "a\0b\0", 6, TENURE_CSV_ENCODING_UTF8, TENURE_CSV_ERROR_UTF16, 1, 1);
  expect_error ("a,b\n1,\0\n", 8, TENURE_CSV_ENCODING_UTF8, TENURE_CSV_ERROR_BINARY, 2, 3);
}

static void
test_quote_errors (void)
{
  expect_error ("a,b\n1,\"open\n2,3\n", -1, TENURE_CSV_ENCODING_UTF8,
                TENURE_CSV_ERROR_UNTERMINATED_QUOTE, 2, 3);
  expect_error ("a,b\n1,\"closed\"x,3\n", -1, TENURE_CSV_ENCODING_UTF8,
                TENURE_CSV_ERROR_BAD_QUOTE, 2, 11);
}

static void
test_windows_1252 (void)
{
  g_autoptr(TenureCsvReader) reader = reader_for ("nom;montant\nSoci\xe9t\xe9 \x96 \x9c;12\x80\n",
                                                  -1, TENURE_CSV_ENCODING_WINDOWS_1252, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *all = read_all (reader, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (all, ==, "nom|montant\nSociété – œ|12€\n");
  g_assert_true (g_utf8_validate (all, -1, NULL));
  g_assert_cmpint (tenure_csv_reader_get_encoding (reader), ==, TENURE_CSV_ENCODING_WINDOWS_1252);
}

/* Rows across many read chunks, with multibyte characters and quoted newlines cut by the
 * chunk boundaries. */
static void
test_large (void)
{
  g_autoptr(GString) data = g_string_new ("\xef\xbb\xbf" "id;name;note\r\n");
  g_autoptr(TenureCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  guint rows = 0;
  guint line_expected = 2;

  for (guint i = 0; i < 20000; i++)
    {
      if (i % 7 == 0)
        g_string_append_printf (data, "%u;Société n°%u;\"multi\r\nligne ; “%u”\"\r\n", i, i, i);
      else
        g_string_append_printf (data, "%u;Café €%u;x\r\n", i, i);
    }

  reader = reader_for (data->str, (gssize) data->len, TENURE_CSV_ENCODING_UTF8, 0);
  g_assert_cmpint (tenure_csv_reader_read_row (reader, &error), ==, TENURE_CSV_ROW);
  while (tenure_csv_reader_read_row (reader, &error) == TENURE_CSV_ROW)
    {
      g_autofree char *id = g_strdup_printf ("%u", rows);
      guint line, column;

      g_assert_cmpstr (tenure_csv_reader_get_field (reader, 0), ==, id);
      g_assert_cmpuint (tenure_csv_reader_get_line (reader), ==, line_expected);
      tenure_csv_reader_get_field_position (reader, 2, &line, &column);
      g_assert_cmpuint (line, ==, line_expected);
      if (rows % 7 == 0)
        {
          g_autofree char *note = g_strdup_printf ("multi\nligne ; “%u”", rows);

          g_assert_cmpstr (tenure_csv_reader_get_field (reader, 2), ==, note);
          g_assert_cmpuint (column, ==, (guint) g_utf8_strlen (id, -1) + 1 +
                                        (guint) g_utf8_strlen (tenure_csv_reader_get_field (reader, 1), -1) + 2);
          line_expected += 2;
        }
      else
        line_expected++;
      rows++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 20000);
  g_assert_cmpint (tenure_csv_reader_get_bytes_read (reader), ==, (goffset) data->len);
}

static void
test_encoding_names (void)
{
  TenureCsvEncoding encoding;

  g_assert_true (tenure_csv_encoding_from_string ("windows-1252", &encoding));
  g_assert_cmpint (encoding, ==, TENURE_CSV_ENCODING_WINDOWS_1252);
  g_assert_true (tenure_csv_encoding_from_string ("UTF-8", &encoding));
  g_assert_cmpint (encoding, ==, TENURE_CSV_ENCODING_UTF8);
  g_assert_false (tenure_csv_encoding_from_string ("latin-9", &encoding));
  g_assert_cmpstr (tenure_csv_encoding_to_string (TENURE_CSV_ENCODING_WINDOWS_1252), ==,
                   "windows-1252");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/basic", test_basic);
  g_test_add_func ("/csv/checksum", test_checksum);
  g_test_add_func ("/csv/separators", test_separators);
  g_test_add_func ("/csv/quotes", test_quotes);
  g_test_add_func ("/csv/line-ends", test_line_ends);
  g_test_add_func ("/csv/bom", test_bom);
  g_test_add_func ("/csv/encoding-errors", test_encoding_errors);
  g_test_add_func ("/csv/quote-errors", test_quote_errors);
  g_test_add_func ("/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/csv/large", test_large);
  g_test_add_func ("/csv/encoding-names", test_encoding_names);

  return g_test_run ();
}
