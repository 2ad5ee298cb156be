/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads CSV files as spreadsheets write them, one row at a time, checking the encoding. */

#define G_LOG_DOMAIN "tenure-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tenure-csv.h"

#define CHUNK_SIZE (64 * 1024)

typedef enum
{
  STATE_FIELD_START,
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,
} State;

typedef struct
{
  guint start;
  guint length;
  guint line;
  guint column;
} Field;

struct _TenureCsvReader
{
  GInputStream      *stream;
  goffset            size;
  goffset            bytes_read;
  TenureCsvEncoding  encoding;
  char               separator;

  GChecksum         *checksum;
  char              *sha256;

  guint8            *raw;
  guint8            *decoded;       /* windows-1252 converted to UTF-8 */
  const guint8      *buf;
  gsize              buf_len;
  gsize              buf_pos;

  /* Position of the next character. */
  guint              line;
  guint              column;

  /* The UTF-8 sequence being checked. */
  guint              utf8_need;
  guint8             utf8_low;
  guint8             utf8_high;
  guint              utf8_line;
  guint              utf8_column;

  GString           *row;
  GArray            *fields;
  State              state;
  guint              field_start;
  guint              field_line;
  guint              field_column;
  guint              row_line;

  guint              error_line;
  guint              error_column;
  char               empty[1];

  guint              started : 1;
  guint              eof : 1;
  guint              finished : 1;
  guint              had_bom : 1;
  guint              prev_cr : 1;
};

G_DEFINE_QUARK (tenure-csv-error-quark, tenure_csv_error)

/* Windows-1252 bytes 0x80–0x9F; the five unassigned ones map to the C1 controls, as
 * Windows itself does. The other bytes are Latin-1. */
static const gunichar windows_1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

const char *
tenure_csv_encoding_to_string (TenureCsvEncoding encoding)
{
  return encoding == TENURE_CSV_ENCODING_WINDOWS_1252 ? "windows-1252" : "utf-8";
}

gboolean
tenure_csv_encoding_from_string (const char        *text,
                                 TenureCsvEncoding *encoding)
{
  if (g_ascii_strcasecmp (text, "utf-8") == 0 || g_ascii_strcasecmp (text, "utf8") == 0)
    *encoding = TENURE_CSV_ENCODING_UTF8;
  else if (g_ascii_strcasecmp (text, "windows-1252") == 0 ||
           g_ascii_strcasecmp (text, "cp1252") == 0)
    *encoding = TENURE_CSV_ENCODING_WINDOWS_1252;
  else
    return FALSE;

  return TRUE;
}

/* A name for the separator that a message can show. */
const char *
tenure_csv_separator_name (char separator)
{
  switch (separator)
    {
    case ',': return _("comma (,)");
    case ';': return _("semicolon (;)");
    case '\t': return _("tab");
    default: return _("none");
    }
}

TenureCsvReader *
tenure_csv_reader_new (GInputStream      *stream,
                       goffset            size,
                       TenureCsvEncoding  encoding,
                       char               separator)
{
  TenureCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (separator == 0 || separator == ',' || separator == ';' ||
                        separator == '\t', NULL);

  self = g_new0 (TenureCsvReader, 1);
  self->stream = g_object_ref (stream);
  self->size = size;
  self->encoding = encoding;
  self->separator = separator;
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  self->raw = g_malloc (CHUNK_SIZE);
  if (encoding == TENURE_CSV_ENCODING_WINDOWS_1252)
    self->decoded = g_malloc (CHUNK_SIZE * 3);
  self->row = g_string_sized_new (256);
  self->fields = g_array_sized_new (FALSE, FALSE, sizeof (Field), 16);
  self->line = 1;
  self->column = 1;
  self->utf8_low = 0x80;
  self->utf8_high = 0xBF;

  return self;
}

TenureCsvReader *
tenure_csv_reader_new_for_path (const char         *path,
                                TenureCsvEncoding   encoding,
                                char                separator,
                                GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;

  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);

  return tenure_csv_reader_new (G_INPUT_STREAM (stream),
                                info != NULL ? g_file_info_get_size (info) : -1,
                                encoding, separator);
}

void
tenure_csv_reader_free (TenureCsvReader *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->stream);
  g_clear_pointer (&self->checksum, g_checksum_free);
  g_free (self->sha256);
  g_free (self->raw);
  g_free (self->decoded);
  g_string_free (self->row, TRUE);
  g_array_unref (self->fields);
  g_free (self);
}

static TenureCsvStatus
fail (TenureCsvReader  *self,
      guint             line,
      guint             column,
      GError          **error,
      TenureCsvError    code,
      const char       *message)
{
  self->error_line = line;
  self->error_column = column;
  g_set_error_literal (error, TENURE_CSV_ERROR, code, message);
  return TENURE_CSV_FAILED;
}

/* The first record's separator: the most frequent of ';', tab and ',' outside quotes,
 * in that order of preference on a tie; ',' when there is none. */
static char
detect_separator (const guint8 *data,
                  gsize         length)
{
  guint semicolons = 0, tabs = 0, commas = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      guint8 b = data[i];

      if (b == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (b == '\n' || b == '\r')
        break;
      else if (b == ';')
        semicolons++;
      else if (b == '\t')
        tabs++;
      else if (b == ',')
        commas++;
    }

  if (semicolons > 0 && semicolons >= tabs && semicolons >= commas)
    return ';';
  if (tabs > 0 && tabs >= commas)
    return '\t';
  return ',';
}

static void
decode_windows_1252 (TenureCsvReader *self,
                     gsize            length)
{
  guint8 *out = self->decoded;

  for (gsize i = 0; i < length; i++)
    {
      guint8 b = self->raw[i];

      if (b < 0x80)
        *out++ = b;
      else
        out += g_unichar_to_utf8 (b < 0xA0 ? windows_1252_high[b - 0x80] : b, (char *) out);
    }

  self->buf = self->decoded;
  self->buf_len = (gsize) (out - self->decoded);
}

/* Reads the next chunk. At the start of the file, skips a UTF-8 byte order mark, refuses
 * UTF-16 and detects the separator. */
static TenureCsvStatus
fill (TenureCsvReader  *self,
      GError          **error)
{
  gsize length = 0;
  gsize skip = 0;
  g_autoptr(GError) local_error = NULL;

  /* Read at least four bytes at the start, so the byte order mark is seen whole. */
  while (length < CHUNK_SIZE)
    {
      gssize n = g_input_stream_read (self->stream, self->raw + length, CHUNK_SIZE - length,
                                      NULL, &local_error);
      if (n < 0)
        {
          self->error_line = self->line;
          self->error_column = self->column;
          g_set_error (error, TENURE_CSV_ERROR, TENURE_CSV_ERROR_READ,
                       _("The file could not be read: %s"), local_error->message);
          return TENURE_CSV_FAILED;
        }
      if (n == 0)
        {
          self->eof = TRUE;
          break;
        }
      length += (gsize) n;
      if (self->started || length >= 4)
        break;
    }

  g_checksum_update (self->checksum, self->raw, length);
  self->bytes_read += (goffset) length;

  if (!self->started)
    {
      self->started = TRUE;
      if (length >= 2 && ((self->raw[0] == 0xFF && self->raw[1] == 0xFE) ||
                          (self->raw[0] == 0xFE && self->raw[1] == 0xFF)))
        return fail (self, 1, 1, error, TENURE_CSV_ERROR_UTF16,
                     _("The file is in UTF-16 (“Unicode text”): save it from your "
                       "spreadsheet as “CSV UTF-8” and import it again"));
      if (length >= 3 && self->raw[0] == 0xEF && self->raw[1] == 0xBB && self->raw[2] == 0xBF)
        {
          self->had_bom = TRUE;
          skip = 3;
        }
      /* Excel's "sep=;" first line names the separator: follow it and skip the line. */
      if (length - skip >= 5 && memcmp (self->raw + skip, "sep=", 4) == 0 &&
          strchr (",;\t", self->raw[skip + 4]) != NULL &&
          (length - skip == 5 || self->raw[skip + 5] == '\n' || self->raw[skip + 5] == '\r'))
        {
          if (self->separator == 0)
            self->separator = (char) self->raw[skip + 4];
          skip += 5;
          if (skip < length && self->raw[skip] == '\r')
            skip++;
          if (skip < length && self->raw[skip] == '\n')
            skip++;
          self->line = 2;
        }
      if (self->separator == 0)
        self->separator = detect_separator (self->raw + skip, length - skip);
    }

  if (self->encoding == TENURE_CSV_ENCODING_WINDOWS_1252)
    {
      /* A UTF-8 byte order mark says the file is UTF-8 whatever was asked: keep it out. */
      memmove (self->raw, self->raw + skip, length - skip);
      decode_windows_1252 (self, length - skip);
    }
  else
    {
      self->buf = self->raw + skip;
      self->buf_len = length - skip;
    }
  self->buf_pos = 0;

  return TENURE_CSV_ROW;
}

static inline void
begin_field (TenureCsvReader *self,
             guint            line,
             guint            column)
{
  if (self->fields->len == 0)
    self->row_line = line;
  self->field_start = (guint) self->row->len;
  self->field_line = line;
  self->field_column = column;
}

static inline void
end_field (TenureCsvReader *self)
{
  Field field = {
    self->field_start,
    (guint) self->row->len - self->field_start,
    self->field_line,
    self->field_column,
  };

  g_string_append_c (self->row, '\0');
  g_array_append_val (self->fields, field);
  self->state = STATE_FIELD_START;
}

/* Checks one byte of UTF-8; FALSE when the text is not valid. */
static inline gboolean
check_utf8 (TenureCsvReader *self,
            guint8           b,
            guint            line,
            guint            column)
{
  if (self->utf8_need > 0)
    {
      if (b < self->utf8_low || b > self->utf8_high)
        return FALSE;
      self->utf8_need--;
      self->utf8_low = 0x80;
      self->utf8_high = 0xBF;
      return TRUE;
    }

  if (b < 0x80)
    return TRUE;

  self->utf8_line = line;
  self->utf8_column = column;
  if (b >= 0xC2 && b <= 0xDF)
    self->utf8_need = 1;
  else if (b == 0xE0)
    self->utf8_need = 2, self->utf8_low = 0xA0;
  else if (b == 0xED)
    self->utf8_need = 2, self->utf8_high = 0x9F;
  else if (b >= 0xE1 && b <= 0xEF)
    self->utf8_need = 2;
  else if (b == 0xF0)
    self->utf8_need = 3, self->utf8_low = 0x90;
  else if (b >= 0xF1 && b <= 0xF3)
    self->utf8_need = 3;
  else if (b == 0xF4)
    self->utf8_need = 3, self->utf8_high = 0x8F;
  else
    return FALSE;

  return TRUE;
}

static TenureCsvStatus
encoding_error (TenureCsvReader  *self,
                GError          **error)
{
  return fail (self, self->utf8_line, self->utf8_column, error, TENURE_CSV_ERROR_ENCODING,
               _("The text is not valid UTF-8: the file was probably saved as Windows-1252 "
                 "(Excel’s “CSV” format on Windows)"));
}

/**
 * tenure_csv_reader_read_row:
 *
 * Reads the next row, skipping empty lines. Returns %TENURE_CSV_ROW with the fields
 * available until the next call, %TENURE_CSV_END at the end of the file, or
 * %TENURE_CSV_FAILED with @error set and the position of the problem in
 * tenure_csv_reader_get_error_position(). Reading stops at the first failure.
 */
TenureCsvStatus
tenure_csv_reader_read_row (TenureCsvReader  *self,
                            GError          **error)
{
  gboolean check = self->encoding == TENURE_CSV_ENCODING_UTF8;

  g_return_val_if_fail (self != NULL, TENURE_CSV_FAILED);

  if (self->finished)
    return TENURE_CSV_END;

  g_string_truncate (self->row, 0);
  g_array_set_size (self->fields, 0);
  self->state = STATE_FIELD_START;

  for (;;)
    {
      guint line, column;
      guint8 b;

      if (self->buf_pos == self->buf_len)
        {
          if (self->eof)
            break;
          if (fill (self, error) == TENURE_CSV_FAILED)
            return TENURE_CSV_FAILED;
          continue;
        }

      /* The common case, inside an unquoted field: a run of plain ASCII characters, each
       * one column wide, copied at once. */
      if (self->state == STATE_UNQUOTED && self->utf8_need == 0)
        {
          const guint8 *start = self->buf + self->buf_pos;
          const guint8 *end = self->buf + self->buf_len;
          const guint8 *p = start;
          guint8 separator = (guint8) self->separator;

          while (p < end && *p >= 0x20 && *p < 0x80 && *p != separator)
            p++;
          if (p > start)
            {
              gsize n = (gsize) (p - start);

              g_string_append_len (self->row, (const char *) start, (gssize) n);
              self->buf_pos += n;
              self->column += (guint) n;
              self->prev_cr = FALSE;
              continue;
            }
        }

      b = self->buf[self->buf_pos++];
      line = self->line;
      column = self->column;

      if (check && (b >= 0x80 || self->utf8_need > 0) && !check_utf8 (self, b, line, column))
        return encoding_error (self, error);
      if (b == 0)
        return fail (self, line, column, error, TENURE_CSV_ERROR_BINARY,
                     _("The file contains a zero byte, so it is not CSV text: save it from "
                       "your spreadsheet as “CSV UTF-8” and import it again"));

      /* Where the next character is. */
      if (b == '\n')
        {
          if (self->prev_cr)
            {
              self->prev_cr = FALSE;
              continue;  /* the LF of a CRLF: already counted, already handled */
            }
          self->line++;
          self->column = 1;
        }
      else if (b == '\r')
        {
          self->line++;
          self->column = 1;
        }
      else if ((b & 0xC0) != 0x80)
        self->column++;
      self->prev_cr = b == '\r';

      switch (self->state)
        {
        case STATE_FIELD_START:
          if (b == '\n' || b == '\r')
            {
              if (self->fields->len == 0)
                continue;  /* an empty line */
              begin_field (self, line, column);
              end_field (self);
              return TENURE_CSV_ROW;
            }
          begin_field (self, line, column);
          if (b == (guint8) self->separator)
            end_field (self);
          else if (b == '"')
            self->state = STATE_QUOTED;
          else
            {
              g_string_append_c (self->row, (char) b);
              self->state = STATE_UNQUOTED;
            }
          break;

        case STATE_UNQUOTED:
          if (b == (guint8) self->separator)
            end_field (self);
          else if (b == '\n' || b == '\r')
            {
              end_field (self);
              return TENURE_CSV_ROW;
            }
          else
            g_string_append_c (self->row, (char) b);
          break;

        case STATE_QUOTED:
          if (b == '"')
            self->state = STATE_QUOTE_IN_QUOTED;
          else
            g_string_append_c (self->row, b == '\r' ? '\n' : (char) b);
          break;

        case STATE_QUOTE_IN_QUOTED:
          if (b == '"')
            {
              g_string_append_c (self->row, '"');
              self->state = STATE_QUOTED;
            }
          else if (b == (guint8) self->separator)
            end_field (self);
          else if (b == '\n' || b == '\r')
            {
              end_field (self);
              return TENURE_CSV_ROW;
            }
          else
            return fail (self, line, column, error, TENURE_CSV_ERROR_BAD_QUOTE,
                         _("Unexpected text after a closing quote (\"): put the whole value "
                           "in quotes and double every quote inside it (\"\")"));
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* The end of the file. */
  if (check && self->utf8_need > 0)
    return encoding_error (self, error);
  if (self->state == STATE_QUOTED)
    return fail (self, self->field_line, self->field_column, error,
                 TENURE_CSV_ERROR_UNTERMINATED_QUOTE,
                 _("A quoted value starts here but its closing quote (\") is missing: add "
                   "it, or remove the opening quote"));

  self->finished = TRUE;
  self->sha256 = g_strdup (g_checksum_get_string (self->checksum));

  if (self->state == STATE_FIELD_START && self->fields->len == 0)
    return TENURE_CSV_END;

  /* A last line without a newline. */
  if (self->state == STATE_FIELD_START)
    begin_field (self, self->line, self->column);
  end_field (self);
  return TENURE_CSV_ROW;
}

guint
tenure_csv_reader_get_n_fields (TenureCsvReader *self)
{
  return self->fields->len;
}

/* The text of a field, or "" past the end of the row. The text is valid until the next
 * row is read, and the caller may change it in place (to trim it, say). */
char *
tenure_csv_reader_get_field (TenureCsvReader *self,
                             guint            index)
{
  if (index >= self->fields->len)
    {
      self->empty[0] = '\0';
      return self->empty;
    }

  return self->row->str + g_array_index (self->fields, Field, index).start;
}

gsize
tenure_csv_reader_get_field_length (TenureCsvReader *self,
                                    guint            index)
{
  if (index >= self->fields->len)
    return 0;

  return g_array_index (self->fields, Field, index).length;
}

/* Where a field starts (its opening quote, if quoted); past the end of the row, where
 * the row ends. Lines and columns count from 1, columns in characters. */
void
tenure_csv_reader_get_field_position (TenureCsvReader *self,
                                      guint            index,
                                      guint           *line,
                                      guint           *column)
{
  const Field *field;

  if (self->fields->len == 0)
    {
      *line = self->line;
      *column = 1;
      return;
    }

  field = &g_array_index (self->fields, Field, MIN (index, self->fields->len - 1));
  *line = field->line;
  *column = field->column;
}

/* The line of the row's first character. */
guint
tenure_csv_reader_get_line (TenureCsvReader *self)
{
  return self->row_line;
}

void
tenure_csv_reader_get_error_position (TenureCsvReader *self,
                                      guint           *line,
                                      guint           *column)
{
  *line = self->error_line;
  *column = self->error_column;
}

char
tenure_csv_reader_get_separator (TenureCsvReader *self)
{
  return self->separator != 0 ? self->separator : ',';
}

TenureCsvEncoding
tenure_csv_reader_get_encoding (TenureCsvReader *self)
{
  return self->encoding;
}

gboolean
tenure_csv_reader_had_bom (TenureCsvReader *self)
{
  return self->had_bom;
}

goffset
tenure_csv_reader_get_bytes_read (TenureCsvReader *self)
{
  return self->bytes_read;
}

/* The size of the file, or -1 when unknown. */
goffset
tenure_csv_reader_get_size (TenureCsvReader *self)
{
  return self->size;
}

/* The SHA-256 of every byte of the file, once tenure_csv_reader_read_row() has returned
 * %TENURE_CSV_END (or the last row); NULL before. */
const char *
tenure_csv_reader_get_sha256 (TenureCsvReader *self)
{
  return self->sha256;
}
