/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A streaming RFC 4180 reader that knows where every field starts (line and column). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TENURE_CSV_ERROR (tenure_csv_error_quark ())

typedef enum
{
  TENURE_CSV_ERROR_READ,                /* the file could not be read */
  TENURE_CSV_ERROR_ENCODING,            /* not valid UTF-8: try windows-1252 */
  TENURE_CSV_ERROR_UTF16,               /* a UTF-16 file ("Unicode text") */
  TENURE_CSV_ERROR_BINARY,              /* a zero byte: not a text file */
  TENURE_CSV_ERROR_UNTERMINATED_QUOTE,
  TENURE_CSV_ERROR_BAD_QUOTE,           /* text after a closing quote */
} TenureCsvError;

typedef enum
{
  TENURE_CSV_ENCODING_UTF8,
  TENURE_CSV_ENCODING_WINDOWS_1252,
} TenureCsvEncoding;

typedef enum
{
  TENURE_CSV_ROW,     /* a row is available */
  TENURE_CSV_END,     /* the end of the file */
  TENURE_CSV_FAILED,  /* an error, with its position in get_error_position() */
} TenureCsvStatus;

typedef struct _TenureCsvReader TenureCsvReader;

GQuark             tenure_csv_error_quark             (void);

const char        *tenure_csv_encoding_to_string      (TenureCsvEncoding  encoding);
gboolean           tenure_csv_encoding_from_string    (const char        *text,
                                                       TenureCsvEncoding *encoding);
const char        *tenure_csv_separator_name          (char               separator);

TenureCsvReader   *tenure_csv_reader_new              (GInputStream      *stream,
                                                       goffset            size,
                                                       TenureCsvEncoding  encoding,
                                                       char               separator);
TenureCsvReader   *tenure_csv_reader_new_for_path     (const char        *path,
                                                       TenureCsvEncoding  encoding,
                                                       char               separator,
                                                       GError           **error);
void               tenure_csv_reader_free             (TenureCsvReader   *self);

TenureCsvStatus    tenure_csv_reader_read_row         (TenureCsvReader   *self,
                                                       GError           **error);

guint              tenure_csv_reader_get_n_fields     (TenureCsvReader   *self);
char              *tenure_csv_reader_get_field        (TenureCsvReader   *self,
                                                       guint              index);
gsize              tenure_csv_reader_get_field_length (TenureCsvReader   *self,
                                                       guint              index);
void               tenure_csv_reader_get_field_position (TenureCsvReader *self,
                                                       guint              index,
                                                       guint             *line,
                                                       guint             *column);
guint              tenure_csv_reader_get_line         (TenureCsvReader   *self);
void               tenure_csv_reader_get_error_position (TenureCsvReader *self,
                                                       guint             *line,
                                                       guint             *column);

char               tenure_csv_reader_get_separator    (TenureCsvReader   *self);
TenureCsvEncoding  tenure_csv_reader_get_encoding     (TenureCsvReader   *self);
gboolean           tenure_csv_reader_had_bom          (TenureCsvReader   *self);
goffset            tenure_csv_reader_get_bytes_read   (TenureCsvReader   *self);
goffset            tenure_csv_reader_get_size         (TenureCsvReader   *self);
const char        *tenure_csv_reader_get_sha256       (TenureCsvReader   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureCsvReader, tenure_csv_reader_free)

G_END_DECLS
