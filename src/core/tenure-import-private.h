/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the parts of the importer share: field tables, the loader state, value parsers. */
#pragma once

#include "tenure-date.h"
#include "tenure-import.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  gboolean    required;
  const char *synonyms;   /* '|'-separated, as people write them */
} TenureImportField;

#define TENURE_IMPORT_MAX_FIELDS 8

typedef enum
{
  TENURE_AMOUNT_OK,
  TENURE_AMOUNT_AMBIGUOUS,  /* "1,234": thousands or decimals, the column decides */
  TENURE_AMOUNT_INVALID,
} TenureAmountStatus;

typedef struct
{
  const char   *sql;   /* compared by address: always a literal */
  sqlite3_stmt *stmt;
} CachedStatement;

#define N_CACHED_STATEMENTS 6

typedef struct _TenureImportLoader TenureImportLoader;
typedef struct _TenureImportIdMap TenureImportIdMap;

/* An event row checked and resolved, kept until the end of the file: the rows are then
 * written sorted by (account_id, at), the order of the event table's index, so that the
 * index grows at its end instead of taking a million random keys (or being rebuilt). */
typedef struct
{
  gint64      account_id;
  gint64      seconds;    /* at, since the epoch */
  const char *user_ref;   /* in pending_users, or NULL */
  guint32     job_id;     /* 0: none */
  guint32     line_kind;  /* the row's place in the file << 2 | its kind's index */
} TenureImportPendingEvent;

/* The state of one reading of a file (tenure-import.c), shared with the row loaders
 * (tenure-import-rows.c). */
struct _TenureImportLoader
{
  TenureDb                  *db;          /* NULL: a dry run without a workspace */
  TenureImportKind           kind;
  const TenureImportOptions *options;
  TenureDecimal              decimal;     /* the options' choice, or the redo's */
  TenureImportResult        *result;
  TenureCsvReader           *reader;
  const TenureImportField   *fields;
  guint                      n_fields;
  int                        columns[TENURE_IMPORT_MAX_FIELDS];
  guint                      n_header;
  guint                      header_line;
  gboolean                   write;
  gint64                     import_id;
  gint64                     check_bound; /* the largest id of the checked table before */
  goffset                    large_load_bytes;
  gint64                     next_fake_id;  /* dry runs count what they would create */
  gboolean                   row_ok;
  GError                    *db_error;
  GPtrArray                 *headers;     /* the header row's texts */
  GPtrArray                 *dropped_indexes;  /* CREATE INDEX statements to run at the end */
  GArray                    *pending_events;   /* TenureImportPendingEvent, written at the end */
  GStringChunk              *pending_users;    /* their user_ref texts */
  CachedStatement            statements[N_CACHED_STATEMENTS];

  TenureImportIdMap         *accounts;    /* external id → id */
  GHashTable                *touched;     /* ids of the accounts a file of accounts or
                                           * subscriptions created or changed */
  const char                *values[TENURE_IMPORT_MAX_FIELDS];  /* the row's, trimmed */
  gsize                      lengths[TENURE_IMPORT_MAX_FIELDS];
  GHashTable                *seen;        /* accounts files: external id → line */
  GHashTable                *jobs;        /* name → id */
  GHashTable                *questions;   /* folded text → id */
  GHashTable                *option_ids;  /* "question id:folded text" → id */
  GHashTable                *created_questions;   /* ids created by this import */
  GHashTable                *first_answers;       /* "account id:question id" → option id */
  GHashTable                *multiple_questions;  /* created here, several options each */
  gint64                     last_question_position;

  /* The decimal separator of the amount column, from its values. */
  guint                      decimal_points;
  guint                      decimal_commas;
  guint                      ambiguous;
  GArray                    *ambiguous_positions;  /* guint line, column pairs */
  GPtrArray                  *ambiguous_texts;
};

/* tenure-import.c */
gboolean                 tenure_import_file_full         (TenureDb           *db,
                                                          const char         *path,
                                                          TenureImportKind    kind,
                                                          const TenureImportOptions *options,
                                                          goffset             large_load_bytes,
                                                          TenureImportResult **result,
                                                          TenureProgressFunc  progress,
                                                          gpointer            user_data,
                                                          GCancellable       *cancellable,
                                                          GError            **error);
void                     tenure_import_loader_add_issue  (TenureImportLoader *self,
                                                          guint              line,
                                                          guint              column,
                                                          TenureImportHint   hint,
                                                          char              *message);

/* tenure-import-checks.c */
gboolean                 tenure_import_check_load        (TenureDb          *db,
                                                          TenureImportKind   kind,
                                                          gint64             check_bound,
                                                          gboolean           enrolled,
                                                          GError           **error);
gint64                   tenure_import_check_bound       (TenureDb          *db,
                                                          TenureImportKind   kind);
gboolean                 tenure_import_loader_enrol      (TenureImportLoader *self,
                                                          GError           **error);

/* tenure-import-rows.c */
gboolean                 tenure_import_loader_load_row   (TenureImportLoader *self);
void                     tenure_import_loader_field_issue (TenureImportLoader *self,
                                                          guint              field,
                                                          TenureImportHint   hint,
                                                          char              *message);
const char              *tenure_import_loader_value      (TenureImportLoader *self,
                                                          guint              field);
sqlite3_stmt            *tenure_import_loader_prepare    (TenureImportLoader *self,
                                                          const char        *sql);
gboolean                 tenure_import_loader_step       (TenureImportLoader *self,
                                                          sqlite3_stmt      *stmt);
gint64                   tenure_import_loader_ensure_account (TenureImportLoader *self,
                                                          const char        *external_id);
gint64                   tenure_import_loader_insert_named (TenureImportLoader *self,
                                                          const char        *sql,
                                                          const char        *text,
                                                          gint64             number);
GArray                  *tenure_import_sort_pending_events (GArray          *events);

gboolean                 tenure_import_loader_write_events (TenureImportLoader *self,
                                                          GCancellable      *cancellable,
                                                          GError           **error);

/* tenure-import-ids.c */
TenureImportIdMap       *tenure_import_id_map_new        (void);
void                     tenure_import_id_map_free       (TenureImportIdMap       *self);
gint64                   tenure_import_id_map_lookup     (const TenureImportIdMap *self,
                                                          const char              *key,
                                                          gsize                    length);
void                     tenure_import_id_map_insert     (TenureImportIdMap       *self,
                                                          const char              *key,
                                                          gsize                    length,
                                                          gint64                   id);
guint                    tenure_import_id_map_get_size   (const TenureImportIdMap *self);

/* tenure-import-answers.c */
gboolean                 tenure_import_loader_load_answer (TenureImportLoader *self);

/* Whether rows are still written (or counted, in a dry run): not after a problem. */
static inline gboolean
tenure_import_loader_loading (TenureImportLoader *self)
{
  return self->row_ok && self->result->n_issues == 0 && self->ambiguous == 0;
}

static inline void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, index);
}

static inline void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

/* tenure-import-columns.c */
const TenureImportField *tenure_import_get_fields        (TenureImportKind   kind,
                                                          guint             *n_fields);
int                      tenure_import_match_header      (TenureImportKind   kind,
                                                          const char        *normalized);
char                    *tenure_import_describe_field    (const TenureImportField *field);
gboolean                 tenure_import_map_columns       (TenureImportKind   kind,
                                                          TenureCsvReader   *reader,
                                                          const TenureImportOptions *options,
                                                          int               *columns,
                                                          GPtrArray         *column_info,
                                                          char             **missing,
                                                          GError           **error);
void                     tenure_import_issue_free        (TenureImportIssue *issue);

/* tenure-import-values.c */
char                    *tenure_import_trim              (char              *text);
gboolean                 tenure_import_parse_date        (const char        *text,
                                                          TenureDateOrder    order,
                                                          gint32            *days,
                                                          TenureImportHint  *hint,
                                                          char             **message);
gboolean                 tenure_import_parse_timestamp   (const char        *text,
                                                          TenureDateOrder    order,
                                                          gint64            *seconds,
                                                          TenureImportHint  *hint,
                                                          char             **message);
gboolean                 tenure_import_parse_month       (const char        *text,
                                                          TenureDateOrder    order,
                                                          int               *month,
                                                          char             **message);
TenureAmountStatus       tenure_import_parse_amount      (const char        *text,
                                                          TenureDecimal      decimal,
                                                          gint64            *cents,
                                                          TenureDecimal     *evidence,
                                                          char             **message);
gboolean                 tenure_import_parse_count       (const char        *text,
                                                          gint64             max,
                                                          gint64            *value);
char                    *tenure_import_fold_key          (const char        *text);

G_END_DECLS
