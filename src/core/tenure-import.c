/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loads one CSV file into the workspace in one transaction, or explains why it cannot. */

#define G_LOG_DOMAIN "tenure-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tenure-date.h"
#include "tenure-import-private.h"

/* How often (in rows) progress is reported and cancellation checked. */
#define PROGRESS_ROWS 4096

/* The page cache of a load, in KiB: big enough to keep the indexes of a large load in
 * memory until the commit. The sorts that rebuild indexes keep their data in memory too. */
#define IMPORT_CACHE_KIB 65536

/* A file this large, bringing at least as many rows as its table holds, is loaded with
 * the table's indexes dropped and rebuilt at the end (in the same transaction): sorting
 * once is much faster than inserting a million random keys one by one. Events are kept
 * instead, sorted and written in the order of event_account_at (their ids then follow
 * that order, not the file's). */
#define LARGE_LOAD_BYTES (4 * 1024 * 1024)
#define BYTES_PER_ROW_ESTIMATE 40

/* The share of the progress given to reading the file when indexes are rebuilt after. */
#define READ_SHARE 0.7

static const char * const kind_tables[TENURE_IMPORT_N_KINDS] = {
  NULL, NULL, "subscription", "event", "response", NULL, "ticket", NULL,
};

G_DEFINE_QUARK (tenure-import-error-quark, tenure_import_error)



void
tenure_import_options_init (TenureImportOptions *options)
{
  memset (options, 0, sizeof *options);
  options->encoding = TENURE_CSV_ENCODING_UTF8;
  options->date_order = TENURE_DATE_ORDER_DAY_FIRST;
  options->decimal = TENURE_DECIMAL_AUTO;
  options->max_issues = TENURE_IMPORT_MAX_ISSUES;
}

void
tenure_import_options_clear (TenureImportOptions *options)
{
  g_clear_pointer (&options->mapping, g_hash_table_unref);
}

/* Says that the column headed @column feeds @field; an empty @field ignores the column. */
void
tenure_import_options_map (TenureImportOptions *options,
                           const char          *column,
                           const char          *field)
{
  if (options->mapping == NULL)
    options->mapping = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_hash_table_insert (options->mapping, tenure_import_normalize_header (column),
                       g_strdup (field != NULL ? field : ""));
}

void
tenure_import_issue_free (TenureImportIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->message);
  g_free (issue);
}

void
tenure_import_result_free (TenureImportResult *result)
{
  if (result == NULL)
    return;

  g_free (result->file_name);
  g_free (result->sha256);
  g_clear_pointer (&result->ignored_columns, g_ptr_array_unref);
  g_clear_pointer (&result->issues, g_ptr_array_unref);
  g_free (result);
}

static TenureImportResult *
result_new (TenureImportKind  kind,
            const char       *path)
{
  TenureImportResult *result = g_new0 (TenureImportResult, 1);

  result->kind = kind;
  result->file_name = g_path_get_basename (path);
  result->ignored_columns = g_ptr_array_new_with_free_func (g_free);
  result->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) tenure_import_issue_free);

  return result;
}

void
tenure_import_loader_add_issue (TenureImportLoader *self,
                                guint               line,
                                guint               column,
                                TenureImportHint    hint,
                                char               *message)
{
  self->row_ok = FALSE;
  self->result->n_issues++;
  if (self->result->issues->len < self->options->max_issues)
    {
      TenureImportIssue *issue = g_new0 (TenureImportIssue, 1);

      issue->line = line;
      issue->column = column;
      issue->hint = hint;
      issue->message = message;
      g_ptr_array_add (self->result->issues, issue);
    }
  else
    g_free (message);
}

static gboolean
preload (TenureImportLoader  *self,
         GError             **error)
{
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;
  int step_rc = SQLITE_DONE;
  int rc;

  if (self->db == NULL)
    return TRUE;

  handle = tenure_db_get_handle (self->db);

  rc = sqlite3_prepare_v2 (handle, "SELECT id, external_id FROM account", -1, &stmt, NULL);
  while (rc == SQLITE_OK && (step_rc = sqlite3_step (stmt)) == SQLITE_ROW)
    tenure_import_id_map_insert (self->accounts, (const char *) sqlite3_column_text (stmt, 1),
                                 (gsize) sqlite3_column_bytes (stmt, 1),
                                 sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK || step_rc != SQLITE_DONE)
    return tenure_db_set_error (self->db, rc != SQLITE_OK ? rc : step_rc, error);

  if (self->kind == TENURE_IMPORT_KIND_EVENTS)
    {
      rc = sqlite3_prepare_v2 (handle, "SELECT id, name FROM job", -1, &stmt, NULL);
      while (rc == SQLITE_OK && (step_rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_insert (self->jobs, g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                             (gpointer) (gintptr) sqlite3_column_int64 (stmt, 0));
      sqlite3_finalize (stmt);
      if (rc != SQLITE_OK || step_rc != SQLITE_DONE)
        return tenure_db_set_error (self->db, rc != SQLITE_OK ? rc : step_rc, error);
    }

  if (self->kind == TENURE_IMPORT_KIND_ANSWERS)
    {
      rc = sqlite3_prepare_v2 (handle, "SELECT id, text FROM question", -1, &stmt, NULL);
      while (rc == SQLITE_OK && (step_rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_insert (self->questions,
                             tenure_import_fold_key ((const char *) sqlite3_column_text (stmt, 1)),
                             (gpointer) (gintptr) sqlite3_column_int64 (stmt, 0));
      sqlite3_finalize (stmt);
      if (rc != SQLITE_OK || step_rc != SQLITE_DONE)
        return tenure_db_set_error (self->db, rc != SQLITE_OK ? rc : step_rc, error);

      rc = sqlite3_prepare_v2 (handle, "SELECT id, question_id, text FROM option", -1, &stmt,
                               NULL);
      while (rc == SQLITE_OK && (step_rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 2);
          g_autofree char *folded = tenure_import_fold_key (text);

          g_hash_table_insert (self->option_ids,
                               g_strdup_printf ("%" G_GINT64_FORMAT ":%s",
                                                (gint64) sqlite3_column_int64 (stmt, 1), folded),
                               (gpointer) (gintptr) sqlite3_column_int64 (stmt, 0));
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_OK || step_rc != SQLITE_DONE)
        return tenure_db_set_error (self->db, rc != SQLITE_OK ? rc : step_rc, error);

      self->last_question_position =
        tenure_db_query_int (self->db, "SELECT coalesce (max (position), 0) FROM question", 0);
    }

  return TRUE;
}

static void
loader_clear (TenureImportLoader *self)
{
  g_clear_pointer (&self->reader, tenure_csv_reader_free);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->dropped_indexes, g_ptr_array_unref);
  g_clear_pointer (&self->pending_events, g_array_unref);
  g_clear_pointer (&self->pending_users, g_string_chunk_free);
  g_clear_pointer (&self->accounts, tenure_import_id_map_free);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->jobs, g_hash_table_unref);
  g_clear_pointer (&self->questions, g_hash_table_unref);
  g_clear_pointer (&self->option_ids, g_hash_table_unref);
  g_clear_pointer (&self->created_questions, g_hash_table_unref);
  g_clear_pointer (&self->first_answers, g_hash_table_unref);
  g_clear_pointer (&self->multiple_questions, g_hash_table_unref);
  g_clear_pointer (&self->ambiguous_positions, g_array_unref);
  g_clear_pointer (&self->ambiguous_texts, g_ptr_array_unref);
  g_clear_error (&self->db_error);
}

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gint64
find_duplicate (TenureDb   *db,
                const char *sha256,
                gint64      except)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  stmt = tenure_db_prepare (db, "SELECT id FROM import WHERE sha256 = ? AND id <> ? "
                                "ORDER BY id DESC LIMIT 1", NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, except);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return id;
}

typedef enum
{
  PASS_DONE,      /* loaded, or refused with issues in the result */
  PASS_FAILED,    /* @error is set */
  PASS_REDO,      /* read again with the decimal separator the column showed */
} PassStatus;

/* One reading of the file: header, rows, then the decisions that need the whole file. */
static PassStatus
run_pass (TenureImportLoader  *self,
          const char          *path,
          TenureProgressFunc   progress,
          gpointer             user_data,
          GCancellable        *cancellable,
          GError             **error)
{
  g_autoptr(GError) csv_error = NULL;
  g_autofree char *missing = NULL;
  TenureCsvStatus status;
  guint64 rows_read = 0;
  int last_percent = -1;

  self->reader = tenure_csv_reader_new_for_path (path, self->options->encoding,
                                                 self->options->separator, error);
  if (self->reader == NULL)
    return PASS_FAILED;

  self->result->encoding = self->options->encoding;

  status = tenure_csv_reader_read_row (self->reader, &csv_error);
  self->result->separator = tenure_csv_reader_get_separator (self->reader);
  if (status == TENURE_CSV_END)
    {
      self->row_ok = TRUE;
      tenure_import_loader_add_issue (self, 1, 1, TENURE_IMPORT_HINT_NONE,
                 g_strdup (_("The file is empty: it needs a header row naming its columns, "
                             "then one row per line of data")));
      return PASS_DONE;
    }
  if (status == TENURE_CSV_ROW)
    {
      g_autoptr(GPtrArray) columns = g_ptr_array_new ();

      for (guint c = 0; c < tenure_csv_reader_get_n_fields (self->reader); c++)
        tenure_import_trim (tenure_csv_reader_get_field (self->reader, c));
      if (!tenure_import_map_columns (self->kind, self->reader, self->options, self->columns,
                                      columns, &missing, error))
        return PASS_FAILED;
      self->n_header = tenure_csv_reader_get_n_fields (self->reader);
      self->header_line = tenure_csv_reader_get_line (self->reader);
      for (guint c = 0; c < self->n_header; c++)
        g_ptr_array_add (self->headers, g_strdup (tenure_csv_reader_get_field (self->reader, c)));
      for (guint c = 0; c < columns->len; c++)
        {
          TenureImportColumn *column = g_ptr_array_index (columns, c);

          if (column->field == NULL && *column->header != '\0')
            g_ptr_array_add (self->result->ignored_columns, g_strdup (column->header));
        }
      if (missing != NULL)
        {
          tenure_import_loader_add_issue (self, tenure_csv_reader_get_line (self->reader), 1,
                                          TENURE_IMPORT_HINT_MAPPING,
                                          g_steal_pointer (&missing));
          return PASS_DONE;
        }
    }

  while (status == TENURE_CSV_ROW)
    {
      status = tenure_csv_reader_read_row (self->reader, &csv_error);
      if (status != TENURE_CSV_ROW)
        break;

      if (!tenure_import_loader_load_row (self))
        {
          g_propagate_error (error, g_steal_pointer (&self->db_error));
          return PASS_FAILED;
        }

      if (++rows_read % PROGRESS_ROWS == 0)
        {
          goffset size = tenure_csv_reader_get_size (self->reader);

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return PASS_FAILED;
          if (progress != NULL && size > 0)
            {
              double fraction = (double) tenure_csv_reader_get_bytes_read (self->reader) / size;
              int percent;

              /* Rebuilding dropped indexes takes a share of the time after the reading. */
              fraction = MIN (fraction, 1.0) * (self->dropped_indexes->len > 0 ||
                                                     self->pending_events != NULL
                                                     ? READ_SHARE : 1.0);
              percent = (int) (fraction * 100);
              if (percent != last_percent)
                progress (fraction, user_data);
              last_percent = percent;
            }
        }
    }

  if (status == TENURE_CSV_FAILED)
    {
      guint line, column;

      tenure_csv_reader_get_error_position (self->reader, &line, &column);
      self->row_ok = TRUE;
      tenure_import_loader_add_issue (self, line, column,
                 g_error_matches (csv_error, TENURE_CSV_ERROR, TENURE_CSV_ERROR_ENCODING)
                 ? TENURE_IMPORT_HINT_ENCODING : TENURE_IMPORT_HINT_NONE,
                 g_strdup (csv_error->message));
      return PASS_DONE;
    }

  self->result->sha256 = g_strdup (tenure_csv_reader_get_sha256 (self->reader));

  if (rows_read == 0 && self->result->n_issues == 0)
    {
      self->row_ok = TRUE;
      tenure_import_loader_add_issue (self, self->header_line + 1, 1, TENURE_IMPORT_HINT_NONE,
                 g_strdup (_("The file has a header row but no data below it: there is "
                             "nothing to import")));
    }

  /* Values that could be thousands or decimals waited for the rest of the column. */
  if (self->ambiguous > 0)
    {
      if (self->decimal_commas > 0 || self->decimal_points > 0)
        {
          self->decimal = self->decimal_commas >= self->decimal_points ? TENURE_DECIMAL_COMMA
                                                                       : TENURE_DECIMAL_POINT;
          return PASS_REDO;
        }
      for (guint i = 0; i < self->ambiguous_texts->len; i++)
        {
          const char *text = g_ptr_array_index (self->ambiguous_texts, i);
          guint line = g_array_index (self->ambiguous_positions, guint, 2 * i);
          guint column = g_array_index (self->ambiguous_positions, guint, 2 * i + 1);

          self->row_ok = TRUE;
          tenure_import_loader_add_issue (self, line, column, TENURE_IMPORT_HINT_DECIMAL,
                                          g_strdup_printf (_("“%s” can be read two ways, and no "
                                                             "other amount of the column tells "
                                                             "which: choose whether the decimal "
                                                             "separator is a comma or a point"),
                                                           text));
        }
      self->result->n_issues += self->ambiguous - self->ambiguous_texts->len;
    }

  return PASS_DONE;
}

static void
loader_reset (TenureImportLoader *self,
              TenureImportResult *result)
{
  loader_clear (self);
  self->result = result;
  self->accounts = tenure_import_id_map_new ();
  self->touched = g_hash_table_new (NULL, NULL);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->jobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->questions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->option_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->created_questions = g_hash_table_new (NULL, NULL);
  self->first_answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->multiple_questions = g_hash_table_new (NULL, NULL);
  self->ambiguous_positions = g_array_new (FALSE, FALSE, sizeof (guint));
  self->ambiguous_texts = g_ptr_array_new_with_free_func (g_free);
  self->headers = g_ptr_array_new_with_free_func (g_free);
  self->dropped_indexes = g_ptr_array_new_with_free_func (g_free);
  memset (self->statements, 0, sizeof self->statements);
  self->decimal_commas = 0;
  self->decimal_points = 0;
  self->ambiguous = 0;
  self->next_fake_id = 0;
  self->import_id = 0;
  self->check_bound = 0;
}

/* For a large load into a small table, drops the table's indexes (see LARGE_LOAD_BYTES). */
static gboolean
drop_indexes (TenureImportLoader  *self,
              const char          *path,
              GError             **error)
{
  const char *table = kind_tables[self->kind];
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) file = NULL;
  sqlite3_stmt *stmt;
  goffset size;
  gint64 existing;
  int rc;

  if (table == NULL)
    return TRUE;

  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, NULL);
  size = info != NULL ? g_file_info_get_size (info) : 0;
  if (size < self->large_load_bytes)
    return TRUE;

  /* The events of a large load are written sorted by the key of event_account_at (see
   * tenure_import_loader_write_events()): that index is kept and grows at its end. */
  stmt = tenure_db_prepare (self->db, "SELECT name, sql FROM sqlite_schema WHERE type = "
                                      "'index' AND tbl_name = ? AND sql IS NOT NULL "
                                      "AND name != 'event_account_at'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (self->dropped_indexes,
                       g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tenure_db_set_error (self->db, rc, error);

  {
    g_autofree char *sql = g_strdup_printf ("SELECT coalesce (max (rowid), 0) FROM \"%s\"",
                                            table);

    existing = tenure_db_query_int (self->db, sql, G_MAXINT64);
  }
  if (size / BYTES_PER_ROW_ESTIMATE < existing)
    {
      g_ptr_array_set_size (self->dropped_indexes, 0);
      return TRUE;
    }

  if (self->kind == TENURE_IMPORT_KIND_EVENTS)
    {
      self->pending_events = g_array_sized_new (FALSE, FALSE, sizeof (TenureImportPendingEvent),
                                                (guint) MIN (size / BYTES_PER_ROW_ESTIMATE,
                                                             G_MAXUINT32 >> 2));
      self->pending_users = g_string_chunk_new (4096);
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP INDEX \"%s\"",
                                              (const char *) g_ptr_array_index (names, i));

      if (!tenure_db_exec (self->db, sql, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
begin_load (TenureImportLoader  *self,
            const char          *path,
            GError             **error)
{
  g_autofree char *imported_at = now_utc ();
  g_autofree char *cache = g_strdup_printf ("PRAGMA cache_size = -%d", IMPORT_CACHE_KIB);
  sqlite3_stmt *stmt;

  /* Every id the rows refer to comes from this transaction (accounts, jobs, questions,
   * options and the import itself, looked up or created here), so the foreign keys hold
   * by construction; checking them row by row costs more than the inserts. Likewise
   * every value is checked by the row loaders against the same rules as the schema's
   * CHECK constraints (kinds, categories, score ranges, amounts >= 0, end >= start):
   * SQLite evaluates "kind IN (…)" by building a temporary table for every row. */
  if (!tenure_db_exec (self->db, cache, error) ||
      !tenure_db_exec (self->db, "PRAGMA temp_store = MEMORY", error) ||
      !tenure_db_exec (self->db, "PRAGMA foreign_keys = OFF", error) ||
      !tenure_db_exec (self->db, "PRAGMA ignore_check_constraints = ON", error) ||
      !tenure_db_begin (self->db, error))
    return FALSE;

  stmt = tenure_db_prepare (self->db,
                            "INSERT INTO import (kind, file_name, sha256, rows, imported_at) "
                            "VALUES (?, ?, '', 0, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, tenure_import_kind_to_string (self->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, self->result->file_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, imported_at, -1, SQLITE_STATIC);
  if (!tenure_db_step_done (self->db, stmt, error))
    return FALSE;

  self->import_id = sqlite3_last_insert_rowid (tenure_db_get_handle (self->db));
  self->check_bound = tenure_import_check_bound (self->db, self->kind);
  return drop_indexes (self, path, error);
}

/* SQLite's progress handler: interrupts a long statement once the load is cancelled. */
static int
interrupt_cb (gpointer user_data)
{
  return g_cancellable_is_cancelled (user_data);
}

/* Rebuilds the dropped indexes (cancellable), records the import, commits. */
static gboolean
finish_load (TenureImportLoader  *self,
             TenureProgressFunc   progress,
             gpointer             user_data,
             GCancellable        *cancellable,
             GError             **error)
{
  sqlite3 *handle = tenure_db_get_handle (self->db);
  guint n_indexes = self->dropped_indexes->len;
  GHashTableIter iter;
  gpointer question;
  sqlite3_stmt *stmt;

  if (!tenure_import_loader_write_events (self, cancellable, error))
    return FALSE;
  if (progress != NULL && self->pending_events != NULL)
    progress (READ_SHARE + (1.0 - READ_SHARE) * (n_indexes > 0 ? 0.5 : 0.99), user_data);

  if (cancellable != NULL)
    sqlite3_progress_handler (handle, 100000, interrupt_cb, cancellable);
  for (guint i = 0; i < n_indexes; i++)
    {
      gboolean ok = tenure_db_exec (self->db, g_ptr_array_index (self->dropped_indexes, i),
                                    error);

      if (!ok)
        {
          sqlite3_progress_handler (handle, 0, NULL, NULL);
          if (g_cancellable_is_cancelled (cancellable))
            {
              g_clear_error (error);
              g_cancellable_set_error_if_cancelled (cancellable, error);
            }
          return FALSE;
        }
      if (progress != NULL)
        progress (READ_SHARE + (1.0 - READ_SHARE) * 0.99 * (i + 1) / n_indexes, user_data);
    }
  sqlite3_progress_handler (handle, 0, NULL, NULL);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  g_hash_table_iter_init (&iter, self->multiple_questions);
  while (g_hash_table_iter_next (&iter, &question, NULL))
    {
      stmt = tenure_db_prepare (self->db, "UPDATE question SET kind = 'multiple' WHERE id = ?",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, (gint64) (gintptr) question);
      if (!tenure_db_step_done (self->db, stmt, error))
        return FALSE;
    }

  if ((self->kind == TENURE_IMPORT_KIND_ACCOUNTS ||
       self->kind == TENURE_IMPORT_KIND_SUBSCRIPTIONS) &&
      !tenure_import_loader_enrol (self, error))
    return FALSE;
  if (!tenure_import_check_load (self->db, self->kind, self->check_bound,
                                 self->result->n_enrolled > 0, error))
    return FALSE;

  stmt = tenure_db_prepare (self->db, "UPDATE import SET sha256 = ?, rows = ? WHERE id = ?",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, self->result->sha256, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (gint64) self->result->rows);
  sqlite3_bind_int64 (stmt, 3, self->import_id);

  return tenure_db_step_done (self->db, stmt, error) && tenure_db_commit (self->db, error);
}

/**
 * tenure_import_file:
 * @db: (nullable): the workspace; may be %NULL for a dry run (an empty workspace)
 * @kind: what the file holds
 * @options: (nullable): how to read it
 * @result: (out) (optional): what was loaded, or why not: the issues
 *   (`line:column: message`), the ignored columns, the counts
 * @progress: (nullable): told how far the reading has got, from the calling thread
 *
 * Loads @path in one transaction: on any problem nothing is written. Every problem of
 * the file is collected (up to the options' max_issues, the others counted) and the
 * load fails with %TENURE_IMPORT_ERROR_INVALID. A file with the same SHA-256 as an
 * earlier import is refused with %TENURE_IMPORT_ERROR_DUPLICATE unless forced. A dry run
 * reads and checks everything and writes nothing.
 */
gboolean
tenure_import_file (TenureDb                   *db,
                    const char                 *path,
                    TenureImportKind            kind,
                    const TenureImportOptions  *options,
                    TenureImportResult        **result,
                    TenureProgressFunc          progress,
                    gpointer                    user_data,
                    GCancellable               *cancellable,
                    GError                    **error)
{
  return tenure_import_file_full (db, path, kind, options, LARGE_LOAD_BYTES, result,
                                  progress, user_data, cancellable, error);
}

/* tenure_import_file(), loading files of @large_load_bytes or more as large loads (see
 * LARGE_LOAD_BYTES): the tests load small files both ways. */
gboolean
tenure_import_file_full (TenureDb                   *db,
                         const char                 *path,
                         TenureImportKind            kind,
                         const TenureImportOptions  *options,
                         goffset                     large_load_bytes,
                         TenureImportResult        **result,
                         TenureProgressFunc          progress,
                         gpointer                    user_data,
                         GCancellable               *cancellable,
                         GError                    **error)
{
  g_autoptr(TenureImportResult) local_result = NULL;
  TenureImportOptions defaults;
  TenureImportLoader self = { 0, };
  gint64 saved_cache_size = -2000;
  gint64 saved_temp_store = 0;
  gint64 saved_foreign_keys = 1;
  gint64 saved_ignore_checks = 0;
  PassStatus status;
  gboolean ok = FALSE;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (kind > TENURE_IMPORT_KIND_NONE && kind < TENURE_IMPORT_N_KINDS, FALSE);
  g_return_val_if_fail (db != NULL || (options != NULL && options->dry_run), FALSE);

  if (options == NULL)
    {
      tenure_import_options_init (&defaults);
      options = &defaults;
    }

  if (db != NULL)
    {
      saved_cache_size = tenure_db_query_int (db, "PRAGMA cache_size", saved_cache_size);
      saved_temp_store = tenure_db_query_int (db, "PRAGMA temp_store", saved_temp_store);
      saved_foreign_keys = tenure_db_query_int (db, "PRAGMA foreign_keys", saved_foreign_keys);
      saved_ignore_checks = tenure_db_query_int (db, "PRAGMA ignore_check_constraints",
                                                 saved_ignore_checks);
    }

  self.db = db;
  self.large_load_bytes = large_load_bytes;
  self.kind = kind;
  self.options = options;
  self.decimal = options->decimal;
  self.write = !options->dry_run;
  self.fields = tenure_import_get_fields (kind, &self.n_fields);

  for (;;)
    {
      g_clear_pointer (&local_result, tenure_import_result_free);
      local_result = result_new (kind, path);
      loader_reset (&self, local_result);

      /* Reads the workspace inside the write transaction: nobody changes it meanwhile. */
      if (self.write && !begin_load (&self, path, error))
        {
          tenure_db_rollback (db);
          break;
        }
      if (!preload (&self, error))
        {
          if (self.write)
            tenure_db_rollback (db);
          break;
        }

      status = run_pass (&self, path, progress, user_data, cancellable, error);
      if (status == PASS_REDO)
        {
          if (self.write)
            tenure_db_rollback (db);
          continue;
        }
      if (status == PASS_FAILED)
        {
          if (self.write)
            tenure_db_rollback (db);
          break;
        }

      if (local_result->n_issues > 0)
        {
          if (self.write)
            tenure_db_rollback (db);
          g_set_error (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_INVALID,
                       ngettext ("“%s” has %u problem: nothing was imported",
                                 "“%s” has %u problems: nothing was imported",
                                 local_result->n_issues),
                       local_result->file_name, local_result->n_issues);
          break;
        }

      if (db != NULL)
        local_result->duplicate_of = find_duplicate (db, local_result->sha256, self.import_id);
      if (local_result->duplicate_of != 0 && !options->force)
        {
          if (self.write)
            tenure_db_rollback (db);
          g_set_error (error, TENURE_IMPORT_ERROR, TENURE_IMPORT_ERROR_DUPLICATE,
                       _("“%s” was already imported (import %lld): importing "
                         "it again would count its rows twice"),
                       local_result->file_name, (long long) local_result->duplicate_of);
          break;
        }

      if (self.write)
        {
          if (!finish_load (&self, progress, user_data, cancellable, error))
            {
              tenure_db_rollback (db);
              break;
            }
          local_result->import_id = self.import_id;
        }

      if (progress != NULL)
        progress (1.0, user_data);
      ok = TRUE;
      break;
    }

  /* The connection's own settings again (begin_load() changed them). */
  if (db != NULL)
    {
      g_autofree char *restore =
        g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT "; "
                         "PRAGMA temp_store = %" G_GINT64_FORMAT "; "
                         "PRAGMA foreign_keys = %" G_GINT64_FORMAT "; "
                         "PRAGMA ignore_check_constraints = %" G_GINT64_FORMAT,
                         saved_cache_size, saved_temp_store, saved_foreign_keys,
                         saved_ignore_checks);

      tenure_db_exec (db, restore, NULL);
    }
  loader_clear (&self);

  if (result != NULL)
    *result = g_steal_pointer (&local_result);

  return ok;
}
