/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CSV files into the workspace: column mapping, validation, all-or-nothing loads, lineage. */
#pragma once

#include <gio/gio.h>

#include "tenure-csv.h"
#include "tenure-db.h"
#include "tenure-progress.h"

G_BEGIN_DECLS

/* How an import assistant uses this API:
 *
 * 1. tenure_import_preview (path, TENURE_IMPORT_KIND_NONE, &options, 10, &error), in a
 *    worker thread (it reads the whole file): the guessed kind, the separator, each
 *    column with the field it feeds, the first rows, the number of rows, and the issues
 *    that stop an import before its values are checked. An issue with
 *    TENURE_IMPORT_HINT_ENCODING: offer Windows-1252 (options.encoding) and preview
 *    again. TENURE_IMPORT_HINT_MAPPING: let the user pick the column of each missing
 *    field, tenure_import_options_map(), preview again.
 * 2. tenure_import_find_file (db, path): the file was imported before; ask, then set
 *    options.force.
 * 3. options.dry_run = TRUE, tenure_import_file_async(): every issue (line, column,
 *    message, hint) and the counts, nothing written. TENURE_IMPORT_HINT_DECIMAL: ask
 *    whether the decimal separator is a comma or a point (options.decimal);
 *    TENURE_IMPORT_HINT_DATE_FORMAT: offer mm/dd/yyyy (options.date_order).
 * 4. tenure_import_file_async() with a progress function and a GCancellable: the result
 *    (rows loaded, accounts created, ignored columns); on failure the issues, and the
 *    workspace unchanged.
 * 5. The Imports page: tenure_import_list(), tenure_import_remove().
 */

#define TENURE_IMPORT_ERROR (tenure_import_error_quark ())

typedef enum
{
  TENURE_IMPORT_ERROR_INVALID,     /* the file has errors: the result lists them */
  TENURE_IMPORT_ERROR_DUPLICATE,   /* the same file (SHA-256) was imported before */
  TENURE_IMPORT_ERROR_MAPPING,     /* a mapping names a column the file does not have */
  TENURE_IMPORT_ERROR_NOT_FOUND,   /* no such import */
  TENURE_IMPORT_ERROR_CHECK,       /* the rows written broke a rule of the schema: a bug */
} TenureImportError;

typedef enum
{
  TENURE_IMPORT_KIND_NONE,         /* unknown; tenure_import_preview() guesses it */
  TENURE_IMPORT_KIND_ACCOUNTS,
  TENURE_IMPORT_KIND_SUBSCRIPTIONS,
  TENURE_IMPORT_KIND_EVENTS,
  TENURE_IMPORT_KIND_RESPONSES,
  TENURE_IMPORT_KIND_SPEND,
  TENURE_IMPORT_KIND_TICKETS,
  TENURE_IMPORT_KIND_ANSWERS,
} TenureImportKind;

#define TENURE_IMPORT_N_KINDS (TENURE_IMPORT_KIND_ANSWERS + 1)

typedef enum
{
  TENURE_DATE_ORDER_DAY_FIRST,     /* dd/mm/yyyy, the default */
  TENURE_DATE_ORDER_MONTH_FIRST,   /* mm/dd/yyyy */
} TenureDateOrder;

typedef enum
{
  TENURE_DECIMAL_AUTO,             /* detected from the column's values */
  TENURE_DECIMAL_POINT,
  TENURE_DECIMAL_COMMA,
} TenureDecimal;

/* What a front end can offer to fix an issue: the CLI names an option, the GUI a choice. */
typedef enum
{
  TENURE_IMPORT_HINT_NONE,
  TENURE_IMPORT_HINT_ENCODING,     /* read the file as Windows-1252 */
  TENURE_IMPORT_HINT_DATE_FORMAT,  /* read dates as mm/dd/yyyy */
  TENURE_IMPORT_HINT_DECIMAL,      /* choose the decimal separator */
  TENURE_IMPORT_HINT_MAPPING,      /* map a column to a field */
  TENURE_IMPORT_HINT_FORCE,        /* import the same file again */
} TenureImportHint;

#define TENURE_IMPORT_MAX_ISSUES 100

typedef struct
{
  TenureCsvEncoding  encoding;     /* UTF-8 by default; never guessed */
  char               separator;    /* 0: detected from the header */
  TenureDateOrder    date_order;
  TenureDecimal      decimal;
  GHashTable        *mapping;      /* normalised header → field name, "" to ignore */
  gboolean           force;        /* load a file imported before */
  gboolean           dry_run;      /* validate and count, write nothing */
  guint              max_issues;   /* issues kept in a result; the others are counted */
} TenureImportOptions;

typedef struct
{
  guint             line;
  guint             column;
  TenureImportHint  hint;
  char             *message;
} TenureImportIssue;

typedef struct
{
  char       *header;              /* as written in the file */
  const char *field;               /* the field it feeds, NULL when ignored */
  gboolean    mapped;              /* by the options' mapping rather than by its name */
} TenureImportColumn;

typedef struct
{
  TenureImportKind   kind;         /* the asked kind, or the guessed one */
  char               separator;
  TenureCsvEncoding  encoding;
  gboolean           had_bom;
  GPtrArray         *columns;      /* TenureImportColumn */
  GPtrArray         *rows;         /* GStrv: the first rows below the header */
  guint64            n_rows;       /* rows below the header, read up to the first issue */
  GPtrArray         *issues;       /* TenureImportIssue: encoding, missing columns */
} TenureImportPreview;

typedef struct
{
  TenureImportKind   kind;
  char              *file_name;    /* base name */
  char              *sha256;
  char               separator;
  TenureCsvEncoding  encoding;
  gint64             import_id;    /* 0 when nothing was written */
  gint64             duplicate_of; /* an earlier import of the same file, or 0 */
  guint64            rows;         /* rows loaded (a dry run: rows that would be) */
  guint              accounts_created;
  guint              accounts_updated;
  guint              jobs_created;
  guint              questions_created;
  guint              options_created;
  guint              n_enrolled;   /* accounts enrolled in onboarding scenarios */
  GPtrArray         *ignored_columns; /* char *: headers that feed nothing */
  GPtrArray         *issues;       /* TenureImportIssue, at most max_issues */
  guint              n_issues;     /* every issue found */
} TenureImportResult;

typedef struct
{
  gint64            id;
  TenureImportKind  kind;
  char             *file_name;
  char             *sha256;
  gint64            rows;
  char             *imported_at;   /* ISO 8601 UTC */
} TenureImportRecord;

GQuark               tenure_import_error_quark        (void);

const char          *tenure_import_kind_to_string     (TenureImportKind            kind);
TenureImportKind     tenure_import_kind_from_string   (const char                 *text);
const char * const  *tenure_import_kind_fields        (TenureImportKind            kind);
gboolean             tenure_import_kind_is_required   (TenureImportKind            kind,
                                                       const char                 *field);
int                  tenure_import_find_field         (TenureImportKind            kind,
                                                       const char                 *name);
char                *tenure_import_normalize_header   (const char                 *text);

void                 tenure_import_options_init       (TenureImportOptions        *options);
void                 tenure_import_options_clear      (TenureImportOptions        *options);
void                 tenure_import_options_map        (TenureImportOptions        *options,
                                                       const char                 *column,
                                                       const char                 *field);

TenureImportPreview *tenure_import_preview            (const char                 *path,
                                                       TenureImportKind            kind,
                                                       const TenureImportOptions  *options,
                                                       guint                       max_rows,
                                                       GError                    **error);
void                 tenure_import_preview_free       (TenureImportPreview        *preview);

gboolean             tenure_import_file               (TenureDb                   *db,
                                                       const char                 *path,
                                                       TenureImportKind            kind,
                                                       const TenureImportOptions  *options,
                                                       TenureImportResult        **result,
                                                       TenureProgressFunc          progress,
                                                       gpointer                    user_data,
                                                       GCancellable               *cancellable,
                                                       GError                    **error);
void                 tenure_import_result_free        (TenureImportResult         *result);

void                 tenure_import_file_async         (const char                 *workspace,
                                                       const char                 *path,
                                                       TenureImportKind            kind,
                                                       const TenureImportOptions  *options,
                                                       TenureProgressFunc          progress,
                                                       gpointer                    progress_data,
                                                       GCancellable               *cancellable,
                                                       GAsyncReadyCallback         callback,
                                                       gpointer                    user_data);
gboolean             tenure_import_file_finish        (GAsyncResult               *result,
                                                       TenureImportResult        **import_result,
                                                       GError                    **error);

TenureImportRecord  *tenure_import_find_file          (TenureDb                   *db,
                                                       const char                 *path,
                                                       GError                    **error);
GPtrArray           *tenure_import_list               (TenureDb                   *db,
                                                       GError                    **error);
void                 tenure_import_record_free        (TenureImportRecord         *record);
gboolean             tenure_import_remove             (TenureDb                   *db,
                                                       gint64                      import_id,
                                                       guint64                    *rows_removed,
                                                       guint                      *accounts_removed,
                                                       GError                    **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TenureImportOptions, tenure_import_options_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureImportPreview, tenure_import_preview_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureImportResult, tenure_import_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TenureImportRecord, tenure_import_record_free)

G_END_DECLS
