/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One CSV row of each kind: its values checked, its references resolved, its insert. */

#define G_LOG_DOMAIN "tenure-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tenure-date.h"
#include "tenure-import-private.h"

enum { ACC_ACCOUNT, ACC_NAME, ACC_SEGMENT, ACC_PLAN, ACC_CHANNEL, ACC_OWNER, ACC_SIGNUP };
enum { SUB_ACCOUNT, SUB_START, SUB_MRR, SUB_END, SUB_PLAN, SUB_ID };
enum { EV_ACCOUNT, EV_AT, EV_KIND, EV_JOB, EV_USER };
enum { RESP_ANSWERED, RESP_SCORE, RESP_ACCOUNT, RESP_KIND, RESP_COMMENT };
enum { SP_MONTH, SP_CHANNEL, SP_AMOUNT, SP_LEADS };
enum { TK_ACCOUNT, TK_OPENED, TK_CATEGORY };

typedef gboolean (*RowFunc) (TenureImportLoader *self);

static const char * const event_kinds[] = { "session", "action", "feature_used", "job_completed" };
G_STATIC_ASSERT (G_N_ELEMENTS (event_kinds) <= 4);  /* two bits of a pending event */

/* An issue about the value of @field in the current row. */
void
tenure_import_loader_field_issue (TenureImportLoader *self,
                                  guint               field,
                                  TenureImportHint    hint,
                                  char               *message)
{
  guint line, column;

  tenure_csv_reader_get_field_position (self->reader, (guint) self->columns[field],
                                        &line, &column);
  tenure_import_loader_add_issue (self, line, column, hint, message);
}

/* The trimmed value of @field in the current row, or NULL when it is empty or absent. */
const char *
tenure_import_loader_value (TenureImportLoader *self,
                            guint               field)
{
  return self->values[field];
}

gboolean
tenure_import_loader_step (TenureImportLoader *self,
                           sqlite3_stmt       *stmt)
{
  if (self->db_error != NULL)
    return FALSE;
  return tenure_db_step_done (self->db, stmt, &self->db_error);
}

/* Row inserts say OR FAIL: a failing single-row insert changes nothing either way, and
 * without the default ABORT SQLite skips a statement journal per row, which costs more
 * and more as the transaction grows.
 *
 * A statement for the rows: found by the address of its text, without hashing the text
 * a million times. Every use binds all parameters, and tenure_db_step_done() resets it. */
sqlite3_stmt *
tenure_import_loader_prepare (TenureImportLoader *self,
                              const char         *sql)
{
  sqlite3_stmt *stmt;

  if (self->db_error != NULL)
    return NULL;

  for (guint i = 0; i < N_CACHED_STATEMENTS; i++)
    if (self->statements[i].sql == sql)
      return self->statements[i].stmt;

  stmt = tenure_db_prepare (self->db, sql, &self->db_error);
  for (guint i = 0; stmt != NULL && i < N_CACHED_STATEMENTS; i++)
    {
      if (self->statements[i].sql == NULL)
        {
          self->statements[i].sql = sql;
          self->statements[i].stmt = stmt;
          break;
        }
    }

  return stmt;
}

/* tenure_timestamp_format() without printf: it runs for every event. */
static void
format_timestamp (gint64 seconds,
                  char   buf[TENURE_TIMESTAMP_BUF])
{
  gint64 days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  int rest = (int) (seconds - days * 86400);
  int y, m, d;
  int parts[5];

  tenure_civil_from_days ((gint32) days, &y, &m, &d);
  if (y < 0 || y > 9999)
    {
      tenure_timestamp_format (seconds, buf);
      return;
    }

  parts[0] = m, parts[1] = d;
  parts[2] = rest / 3600, parts[3] = rest / 60 % 60, parts[4] = rest % 60;
  buf[0] = (char) ('0' + y / 1000);
  buf[1] = (char) ('0' + y / 100 % 10);
  buf[2] = (char) ('0' + y / 10 % 10);
  buf[3] = (char) ('0' + y % 10);
  for (int i = 0; i < 5; i++)
    {
      buf[5 + 3 * i] = (char) ('0' + parts[i] / 10);
      buf[6 + 3 * i] = (char) ('0' + parts[i] % 10);
    }
  buf[4] = '-', buf[7] = '-', buf[10] = 'T', buf[13] = ':', buf[16] = ':';
  buf[19] = 'Z', buf[20] = '\0';
}

/* Inserts a row named @text with the statement @sql (?1: the text, ?2: @number when the
 * statement has it) and returns its id; a dry run makes up a negative one. 0 on a
 * database failure. */
gint64
tenure_import_loader_insert_named (TenureImportLoader *self,
                                   const char         *sql,
                                   const char         *text,
                                   gint64              number)
{
  sqlite3_stmt *stmt;

  if (!self->write)
    return --self->next_fake_id;

  stmt = tenure_import_loader_prepare (self, sql);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_int64 (stmt, 2, number);
  if (!tenure_import_loader_step (self, stmt))
    return 0;

  return sqlite3_last_insert_rowid (tenure_db_get_handle (self->db));
}

/* The id of account @external_id, created when unknown. 0 on a database failure. */
gint64
tenure_import_loader_ensure_account (TenureImportLoader *self,
                                     const char         *external_id)
{
  gsize length = strlen (external_id);
  gint64 id = tenure_import_id_map_lookup (self->accounts, external_id, length);

  if (id != 0)
    return id;

  id = tenure_import_loader_insert_named (self, "INSERT OR FAIL INTO account (external_id, "
                                                "import_id) VALUES (?1, ?2)",
                                          external_id, self->import_id);
  if (id != 0)
    {
      tenure_import_id_map_insert (self->accounts, external_id, length, id);
      self->result->accounts_created++;
    }
  return id;
}

static gint64
ensure_job (TenureImportLoader *self,
            const char         *name)
{
  gpointer found = g_hash_table_lookup (self->jobs, name);
  gint64 id;

  if (found != NULL)
    return (gint64) (gintptr) found;

  id = tenure_import_loader_insert_named (self, "INSERT OR FAIL INTO job (name) VALUES (?1)",
                                          name, 0);
  if (id != 0)
    {
      g_hash_table_insert (self->jobs, g_strdup (name), (gpointer) (gintptr) id);
      self->result->jobs_created++;
    }
  return id;
}

static gboolean
read_date (TenureImportLoader *self,
           guint               field,
           const char         *text,
           gint32             *days)
{
  TenureImportHint hint;
  char *message = NULL;

  if (tenure_import_parse_date (text, self->options->date_order, days, &hint, &message))
    return TRUE;

  tenure_import_loader_field_issue (self, field, hint, message);
  return FALSE;
}

static gboolean
read_timestamp (TenureImportLoader *self,
                guint               field,
                const char         *text,
                gint64             *seconds)
{
  TenureImportHint hint;
  char *message = NULL;

  if (tenure_import_parse_timestamp (text, self->options->date_order, seconds, &hint,
                                     &message))
    return TRUE;

  tenure_import_loader_field_issue (self, field, hint, message);
  return FALSE;
}

/* Reads an amount. A value that could be thousands or decimals ("1,234") follows the
 * options, else what the column showed so far; when it showed nothing yet, the value
 * waits for the end of the file (see tenure_import_file()). */
static gboolean
read_amount (TenureImportLoader *self,
             guint               field,
             const char         *text,
             gint64             *cents)
{
  TenureDecimal decimal = self->decimal;
  TenureDecimal evidence;
  TenureAmountStatus status;
  char *message = NULL;

  if (decimal == TENURE_DECIMAL_AUTO && (self->decimal_commas > 0 || self->decimal_points > 0))
    decimal = self->decimal_commas >= self->decimal_points ? TENURE_DECIMAL_COMMA
                                                           : TENURE_DECIMAL_POINT;

  status = tenure_import_parse_amount (text, decimal, cents, &evidence, &message);
  switch (status)
    {
    case TENURE_AMOUNT_OK:
      if (evidence == TENURE_DECIMAL_COMMA)
        self->decimal_commas++;
      else if (evidence == TENURE_DECIMAL_POINT)
        self->decimal_points++;
      return TRUE;

    case TENURE_AMOUNT_AMBIGUOUS:
      {
        guint line, column;

        tenure_csv_reader_get_field_position (self->reader, (guint) self->columns[field],
                                              &line, &column);
        self->ambiguous++;
        if (self->ambiguous_texts->len < self->options->max_issues)
          {
            g_array_append_val (self->ambiguous_positions, line);
            g_array_append_val (self->ambiguous_positions, column);
            g_ptr_array_add (self->ambiguous_texts, g_strdup (text));
          }
        self->row_ok = FALSE;
        return FALSE;
      }

    case TENURE_AMOUNT_INVALID:
    default:
      tenure_import_loader_field_issue (self, field, TENURE_IMPORT_HINT_NONE, message);
      return FALSE;
    }
}

/* The parameters of both: ?1 the account (its text id, or its row id), ?2–?6 the name,
 * segment, plan, channel and owner (ACC_NAME + 1 …), ?7 the signup date. */
#define INSERT_ACCOUNT_SQL \
  "INSERT OR FAIL INTO account (external_id, name, segment, plan, channel, owner, " \
  "signup_date, import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
#define UPDATE_ACCOUNT_SQL \
  "UPDATE account SET name = coalesce (?2, name), segment = coalesce (?3, segment), " \
  "plan = coalesce (?4, plan), channel = coalesce (?5, channel), " \
  "owner = coalesce (?6, owner), signup_date = coalesce (?7, signup_date) WHERE id = ?1"

G_STATIC_ASSERT (ACC_OWNER == 5 && ACC_SIGNUP == 6);

static gboolean
load_account (TenureImportLoader *self)
{
  const char *external_id = tenure_import_loader_value (self, ACC_ACCOUNT);
  const char *signup = tenure_import_loader_value (self, ACC_SIGNUP);
  char signup_buf[TENURE_DATE_BUF];
  guint line = tenure_csv_reader_get_line (self->reader);
  gpointer first_line;
  sqlite3_stmt *stmt;
  gint64 id;
  gint32 days;

  if (signup != NULL && read_date (self, ACC_SIGNUP, signup, &days))
    tenure_date_format (days, signup_buf);

  if (external_id != NULL &&
      g_hash_table_lookup_extended (self->seen, external_id, NULL, &first_line))
    tenure_import_loader_field_issue (self, ACC_ACCOUNT, TENURE_IMPORT_HINT_NONE,
                 g_strdup_printf (_("Account “%s” is already on line %u: keep one row per "
                                    "account"), external_id, GPOINTER_TO_UINT (first_line)));
  else if (external_id != NULL)
    g_hash_table_insert (self->seen, g_strdup (external_id), GUINT_TO_POINTER (line));

  if (!tenure_import_loader_loading (self))
    return TRUE;

  /* A new account, or one known already (from another file) whose cells this file fills
   * in: the same parameters either way. */
  id = tenure_import_id_map_lookup (self->accounts, external_id, strlen (external_id));
  if (self->write)
    {
      stmt = tenure_import_loader_prepare (self, id == 0 ? INSERT_ACCOUNT_SQL
                                                         : UPDATE_ACCOUNT_SQL);
      if (stmt == NULL)
        return FALSE;
      if (id == 0)
        {
          sqlite3_bind_text (stmt, 1, external_id, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 8, self->import_id);
        }
      else
        sqlite3_bind_int64 (stmt, 1, id);
      for (guint field = ACC_NAME; field <= ACC_OWNER; field++)
        bind_text_or_null (stmt, (int) field + 1, tenure_import_loader_value (self, field));
      bind_text_or_null (stmt, ACC_SIGNUP + 1, signup != NULL ? signup_buf : NULL);
      if (!tenure_import_loader_step (self, stmt))
        return FALSE;
    }

  if (id == 0)
    {
      id = self->write ? sqlite3_last_insert_rowid (tenure_db_get_handle (self->db))
                       : --self->next_fake_id;
      tenure_import_id_map_insert (self->accounts, external_id, strlen (external_id), id);
      self->result->accounts_created++;
    }
  else
    self->result->accounts_updated++;
  g_hash_table_add (self->touched, (gpointer) (gintptr) id);

  self->result->rows++;
  return TRUE;
}

static gboolean
load_subscription (TenureImportLoader *self)
{
  const char *external_id = tenure_import_loader_value (self, SUB_ACCOUNT);
  const char *start = tenure_import_loader_value (self, SUB_START);
  const char *end = tenure_import_loader_value (self, SUB_END);
  const char *mrr = tenure_import_loader_value (self, SUB_MRR);
  char start_buf[TENURE_DATE_BUF];
  char end_buf[TENURE_DATE_BUF];
  gint32 start_days = 0, end_days = 0;
  gboolean start_ok = FALSE, end_ok = FALSE;
  gint64 cents = 0;
  sqlite3_stmt *stmt;
  gint64 account_id;

  if (start != NULL)
    start_ok = read_date (self, SUB_START, start, &start_days);
  if (end != NULL)
    end_ok = read_date (self, SUB_END, end, &end_days);
  if (mrr != NULL)
    read_amount (self, SUB_MRR, mrr, &cents);

  if (start_ok && end_ok && end_days < start_days)
    {
      tenure_date_format (start_days, start_buf);
      tenure_date_format (end_days, end_buf);
      tenure_import_loader_field_issue (self, SUB_END, TENURE_IMPORT_HINT_NONE,
                   g_strdup_printf (_("The end date %s is before the start date %s: correct "
                                      "one of the two dates"), end_buf, start_buf));
    }

  if (!tenure_import_loader_loading (self))
    return TRUE;

  account_id = tenure_import_loader_ensure_account (self, external_id);
  if (account_id == 0)
    return FALSE;
  g_hash_table_add (self->touched, (gpointer) (gintptr) account_id);

  if (self->write)
    {
      tenure_date_format (start_days, start_buf);
      if (end != NULL)
        tenure_date_format (end_days, end_buf);
      stmt = tenure_import_loader_prepare (self,
                      "INSERT OR FAIL INTO subscription (account_id, external_id, start_date, "
                      "end_date, mrr_cents, plan, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, account_id);
      bind_text_or_null (stmt, 2, tenure_import_loader_value (self, SUB_ID));
      sqlite3_bind_text (stmt, 3, start_buf, -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 4, end != NULL ? end_buf : NULL);
      sqlite3_bind_int64 (stmt, 5, cents);
      bind_text_or_null (stmt, 6, tenure_import_loader_value (self, SUB_PLAN));
      sqlite3_bind_int64 (stmt, 7, self->import_id);
      if (!tenure_import_loader_step (self, stmt))
        return FALSE;
    }

  self->result->rows++;
  return TRUE;
}

/* One of event_kinds[], as written ("session") or loosely ("Job completed"). */
static const char *
event_kind (const char *text)
{
  g_autofree char *key = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (event_kinds); i++)
    if (strcmp (text, event_kinds[i]) == 0)
      return event_kinds[i];

  key = tenure_import_normalize_header (text);
  for (guint i = 0; i < G_N_ELEMENTS (event_kinds); i++)
    {
      g_autofree char *known = tenure_import_normalize_header (event_kinds[i]);

      if (strcmp (key, known) == 0)
        return event_kinds[i];
    }

  return NULL;
}

#define INSERT_EVENT_SQL \
  "INSERT OR FAIL INTO event (account_id, at, kind, job_id, user_ref, import_id) " \
  "VALUES (?, ?, ?, ?, ?, ?)"

static gboolean
load_event (TenureImportLoader *self)
{
  const char *external_id = tenure_import_loader_value (self, EV_ACCOUNT);
  const char *at = tenure_import_loader_value (self, EV_AT);
  const char *kind_text = tenure_import_loader_value (self, EV_KIND);
  const char *job = tenure_import_loader_value (self, EV_JOB);
  const char *kind = NULL;
  char at_buf[TENURE_TIMESTAMP_BUF];
  gint64 at_seconds = 0;
  sqlite3_stmt *stmt;
  gint64 account_id;
  gint64 job_id = 0;

  if (at != NULL)
    read_timestamp (self, EV_AT, at, &at_seconds);
  if (kind_text != NULL)
    {
      kind = event_kind (kind_text);
      if (kind == NULL)
        tenure_import_loader_field_issue (self, EV_KIND, TENURE_IMPORT_HINT_NONE,
                     g_strdup_printf (_("Unknown event kind “%s” — expected session, action, "
                                        "feature_used, job_completed"), kind_text));
    }
  if (kind != NULL && job != NULL && strcmp (kind, "job_completed") != 0)
    tenure_import_loader_field_issue (self, EV_JOB, TENURE_IMPORT_HINT_NONE,
                 g_strdup_printf (_("A job (“%s”) is given for a “%s” event, but only "
                                    "job_completed events name a job: empty the job cell or "
                                    "change the kind"), job, kind));

  if (!tenure_import_loader_loading (self))
    return TRUE;

  account_id = tenure_import_loader_ensure_account (self, external_id);
  if (account_id == 0)
    return FALSE;
  if (job != NULL && (job_id = ensure_job (self, job)) == 0)
    return FALSE;

  if (self->write && self->pending_events != NULL && job_id <= G_MAXUINT32 &&
      self->pending_events->len < G_MAXUINT32 >> 2)
    {
      TenureImportPendingEvent pending;
      const char *user = tenure_import_loader_value (self, EV_USER);
      guint kind_index = 0;

      while (event_kinds[kind_index] != kind)
        kind_index++;
      pending.account_id = account_id;
      pending.seconds = at_seconds;
      pending.user_ref = user != NULL ? g_string_chunk_insert_const (self->pending_users, user)
                                      : NULL;
      pending.job_id = (guint32) job_id;
      pending.line_kind = self->pending_events->len << 2 | kind_index;
      g_array_append_val (self->pending_events, pending);
    }
  else if (self->write)
    {
      stmt = tenure_import_loader_prepare (self, INSERT_EVENT_SQL);
      if (stmt == NULL)
        return FALSE;
      format_timestamp (at_seconds, at_buf);
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_text (stmt, 2, at_buf, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
      bind_id_or_null (stmt, 4, job_id);
      bind_text_or_null (stmt, 5, tenure_import_loader_value (self, EV_USER));
      sqlite3_bind_int64 (stmt, 6, self->import_id);
      if (!tenure_import_loader_step (self, stmt))
        return FALSE;
    }

  self->result->rows++;
  return TRUE;
}

static int
compare_pending_events (const void *a,
                        const void *b)
{
  const TenureImportPendingEvent *x = a;
  const TenureImportPendingEvent *y = b;

  if (x->account_id != y->account_id)
    return x->account_id < y->account_id ? -1 : 1;
  if (x->seconds != y->seconds)
    return x->seconds < y->seconds ? -1 : 1;
  return x->line_kind < y->line_kind ? -1 : x->line_kind > y->line_kind;
}

/* Sorts @events by (account, time, line). Account ids are a dense range of integers, so
 * the events are first distributed by account, keeping the file's order (a counting
 * sort), then each account's few dozen events are sorted by time (an insertion sort,
 * which keeps the file's order of equal times). Returns the sorted array, @events itself
 * when sorted in place. */
GArray *
tenure_import_sort_pending_events (GArray *events)
{
  TenureImportPendingEvent *in = (TenureImportPendingEvent *) (gpointer) events->data;
  TenureImportPendingEvent *out;
  g_autofree guint *starts = NULL;
  GArray *sorted;
  gint64 low = G_MAXINT64, high = G_MININT64;
  gsize range;

  for (guint i = 0; i < events->len; i++)
    {
      low = MIN (low, in[i].account_id);
      high = MAX (high, in[i].account_id);
    }

  /* Sparse ids (or none): the general sort. */
  if (events->len < 2 || high - low >= (gint64) events->len * 4 + 65536)
    {
      qsort (events->data, events->len, sizeof (TenureImportPendingEvent),
             compare_pending_events);
      return events;
    }

  range = (gsize) (high - low + 1);
  starts = g_new0 (guint, range + 1);
  for (guint i = 0; i < events->len; i++)
    starts[in[i].account_id - low + 1]++;
  for (gsize a = 0; a < range; a++)
    starts[a + 1] += starts[a];

  sorted = g_array_sized_new (FALSE, FALSE, sizeof (TenureImportPendingEvent), events->len);
  g_array_set_size (sorted, events->len);
  out = (TenureImportPendingEvent *) (gpointer) sorted->data;
  for (guint i = 0; i < events->len; i++)
    out[starts[in[i].account_id - low]++] = in[i];

  /* starts[a] is now the end of account a's run, and the start of the next one. */
  for (gsize a = 0, begin = 0; a < range; begin = starts[a], a++)
    {
      gsize end = starts[a];

      if (end - begin > 64)
        {
          qsort (out + begin, end - begin, sizeof (TenureImportPendingEvent),
                 compare_pending_events);
          continue;
        }
      for (gsize i = begin + 1; i < end; i++)
        {
          TenureImportPendingEvent event = out[i];
          gsize j = i;

          for (; j > begin && out[j - 1].seconds > event.seconds; j--)
            out[j] = out[j - 1];
          out[j] = event;
        }
    }

  return sorted;
}

/* Events are inserted this many at a time: one statement execution per batch rather than
 * per row. */
#define EVENT_BATCH 64
#define EVENT_COLUMNS 6

/* Binds the event to the parameters from @first (the columns of INSERT_EVENT_SQL). */
static void
bind_pending_event (TenureImportLoader             *self,
                    sqlite3_stmt                   *stmt,
                    int                             first,
                    const TenureImportPendingEvent *event,
                    char                            at[TENURE_TIMESTAMP_BUF])
{
  format_timestamp (event->seconds, at);
  sqlite3_bind_int64 (stmt, first, event->account_id);
  sqlite3_bind_text (stmt, first + 1, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, first + 2, event_kinds[event->line_kind & 3], -1, SQLITE_STATIC);
  bind_id_or_null (stmt, first + 3, event->job_id);
  bind_text_or_null (stmt, first + 4, event->user_ref);
  sqlite3_bind_int64 (stmt, first + 5, self->import_id);
}

/* Writes the events kept by load_event(), in the order of the index on (account_id, at)
 * (the text of a UTC timestamp sorts like its seconds); equal keys keep the file's
 * order. The records are small (32 bytes) and sorted in memory, so that they are then
 * read in memory order: reading them through a sorted index cost a cache and TLB miss
 * each. */
gboolean
tenure_import_loader_write_events (TenureImportLoader  *self,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  char at[EVENT_BATCH][TENURE_TIMESTAMP_BUF];
  const TenureImportPendingEvent *events;
  sqlite3_stmt *batch = NULL;
  sqlite3_stmt *stmt;
  GArray *sorted;
  guint n;
  guint i = 0;
  int rc = SQLITE_OK;

  if (self->pending_events == NULL || self->pending_events->len == 0)
    return TRUE;

  sorted = tenure_import_sort_pending_events (self->pending_events);
  if (sorted != self->pending_events)
    {
      g_array_unref (self->pending_events);
      self->pending_events = sorted;
    }
  events = (const TenureImportPendingEvent *) (gpointer) sorted->data;
  n = sorted->len;

  if (n >= EVENT_BATCH)
    {
      g_autoptr(GString) sql = g_string_new (INSERT_EVENT_SQL);

      for (guint b = 1; b < EVENT_BATCH; b++)
        g_string_append (sql, ", (?, ?, ?, ?, ?, ?)");
      rc = sqlite3_prepare_v2 (tenure_db_get_handle (self->db), sql->str, (int) sql->len,
                               &batch, NULL);
      if (rc != SQLITE_OK)
        return tenure_db_set_error (self->db, rc, error);
    }

  for (; i + EVENT_BATCH <= n; i += EVENT_BATCH)
    {
      if (i % 4096 < EVENT_BATCH && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_finalize (batch);
          return FALSE;
        }
      for (guint b = 0; b < EVENT_BATCH; b++)
        bind_pending_event (self, batch, 1 + (int) b * EVENT_COLUMNS, &events[i + b], at[b]);
      if (!tenure_import_loader_step (self, batch))
        break;
    }
  sqlite3_finalize (batch);

  stmt = tenure_import_loader_prepare (self, INSERT_EVENT_SQL);
  for (; i < n && stmt != NULL && self->db_error == NULL; i++)
    {
      bind_pending_event (self, stmt, 1, &events[i], at[0]);
      if (!tenure_import_loader_step (self, stmt))
        break;
    }
  if (self->db_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->db_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
load_response (TenureImportLoader *self)
{
  const char *answered = tenure_import_loader_value (self, RESP_ANSWERED);
  const char *score_text = tenure_import_loader_value (self, RESP_SCORE);
  const char *external_id = tenure_import_loader_value (self, RESP_ACCOUNT);
  const char *kind_text = tenure_import_loader_value (self, RESP_KIND);
  const char *kind = "nps";
  char date_buf[TENURE_DATE_BUF];
  gint64 account_id = 0;
  gint64 score = -1;
  sqlite3_stmt *stmt;
  gint32 days;

  if (answered != NULL && read_date (self, RESP_ANSWERED, answered, &days))
    tenure_date_format (days, date_buf);

  if (kind_text != NULL)
    {
      if (g_ascii_strcasecmp (kind_text, "nps") == 0)
        kind = "nps";
      else if (g_ascii_strcasecmp (kind_text, "cli") == 0)
        kind = "cli";
      else
        {
          kind = NULL;
          tenure_import_loader_field_issue (self, RESP_KIND, TENURE_IMPORT_HINT_NONE,
                       g_strdup_printf (_("Unknown survey kind “%s” — expected nps or cli"),
                                        kind_text));
        }
    }

  if (score_text != NULL && kind != NULL)
    {
      gboolean is_nps = strcmp (kind, "nps") == 0;

      if (!tenure_import_parse_count (score_text, 10, &score) || (!is_nps && score < 1))
        tenure_import_loader_field_issue (self, RESP_SCORE, TENURE_IMPORT_HINT_NONE,
                     is_nps ? g_strdup_printf (_("NPS score must be 0–10, not “%s”: write a "
                                                 "whole number from 0 to 10"), score_text)
                            : g_strdup_printf (_("CLI score must be 1–10, not “%s”: write a "
                                                 "whole number from 1 to 10"), score_text));
    }

  if (!tenure_import_loader_loading (self))
    return TRUE;

  if (external_id != NULL && (account_id = tenure_import_loader_ensure_account (self, external_id)) == 0)
    return FALSE;

  if (self->write)
    {
      stmt = tenure_import_loader_prepare (self,
                      "INSERT OR FAIL INTO response (account_id, answered_on, kind, score, "
                      "comment, import_id) VALUES (?, ?, ?, ?, ?, ?)");
      if (stmt == NULL)
        return FALSE;
      bind_id_or_null (stmt, 1, account_id);
      sqlite3_bind_text (stmt, 2, date_buf, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, score);
      bind_text_or_null (stmt, 5, tenure_import_loader_value (self, RESP_COMMENT));
      sqlite3_bind_int64 (stmt, 6, self->import_id);
      if (!tenure_import_loader_step (self, stmt))
        return FALSE;
    }

  self->result->rows++;
  return TRUE;
}

static gboolean
load_spend (TenureImportLoader *self)
{
  const char *month_text = tenure_import_loader_value (self, SP_MONTH);
  const char *amount = tenure_import_loader_value (self, SP_AMOUNT);
  const char *leads_text = tenure_import_loader_value (self, SP_LEADS);
  char month_buf[TENURE_MONTH_BUF];
  gint64 leads = -1;
  gint64 cents = 0;
  sqlite3_stmt *stmt;
  int month;

  if (month_text != NULL)
    {
      char *message = NULL;

      if (tenure_import_parse_month (month_text, self->options->date_order, &month, &message))
        tenure_month_format (month, month_buf);
      else
        tenure_import_loader_field_issue (self, SP_MONTH, TENURE_IMPORT_HINT_NONE, message);
    }
  if (amount != NULL)
    read_amount (self, SP_AMOUNT, amount, &cents);
  if (leads_text != NULL && !tenure_import_parse_count (leads_text, G_MAXINT32, &leads))
    tenure_import_loader_field_issue (self, SP_LEADS, TENURE_IMPORT_HINT_NONE,
                 g_strdup_printf (_("“%s” is not a number of leads: write a whole number, "
                                    "or leave the cell empty"), leads_text));

  if (!tenure_import_loader_loading (self))
    return TRUE;

  if (self->write)
    {
      stmt = tenure_import_loader_prepare (self,
                      "INSERT OR FAIL INTO spend (month, channel, amount_cents, leads, import_id) "
                      "VALUES (?, ?, ?, ?, ?)");
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, month_buf, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, tenure_import_loader_value (self, SP_CHANNEL), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, cents);
      if (leads >= 0)
        sqlite3_bind_int64 (stmt, 4, leads);
      else
        sqlite3_bind_null (stmt, 4);
      sqlite3_bind_int64 (stmt, 5, self->import_id);
      if (!tenure_import_loader_step (self, stmt))
        return FALSE;
    }

  self->result->rows++;
  return TRUE;
}

static gboolean
load_ticket (TenureImportLoader *self)
{
  const char *external_id = tenure_import_loader_value (self, TK_ACCOUNT);
  const char *opened = tenure_import_loader_value (self, TK_OPENED);
  const char *category_text = tenure_import_loader_value (self, TK_CATEGORY);
  const char *category = NULL;
  char opened_buf[TENURE_TIMESTAMP_BUF];
  gint64 opened_seconds = 0;
  sqlite3_stmt *stmt;
  gint64 account_id;

  if (opened != NULL)
    read_timestamp (self, TK_OPENED, opened, &opened_seconds);
  if (category_text != NULL)
    {
      g_autofree char *key = tenure_import_normalize_header (category_text);

      if (strcmp (key, "strategic") == 0 || strcmp (key, "strategique") == 0)
        category = "strategic";
      else if (strcmp (key, "basic") == 0 || strcmp (key, "basique") == 0)
        category = "basic";
      else
        tenure_import_loader_field_issue (self, TK_CATEGORY, TENURE_IMPORT_HINT_NONE,
                     g_strdup_printf (_("Unknown ticket category “%s” — expected strategic or "
                                        "basic"), category_text));
    }

  if (!tenure_import_loader_loading (self))
    return TRUE;

  account_id = tenure_import_loader_ensure_account (self, external_id);
  if (account_id == 0)
    return FALSE;

  if (self->write)
    {
      stmt = tenure_import_loader_prepare (self,
                      "INSERT OR FAIL INTO ticket (account_id, opened_at, category, import_id) "
                      "VALUES (?, ?, ?, ?)");
      if (stmt == NULL)
        return FALSE;
      format_timestamp (opened_seconds, opened_buf);
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_text (stmt, 2, opened_buf, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, category, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, self->import_id);
      if (!tenure_import_loader_step (self, stmt))
        return FALSE;
    }

  self->result->rows++;
  return TRUE;
}

static const RowFunc row_funcs[TENURE_IMPORT_N_KINDS] = {
  NULL,
  load_account,
  load_subscription,
  load_event,
  load_response,
  load_spend,
  load_ticket,
  tenure_import_loader_load_answer,
};

/* "#N/A", "#VALEUR!": what Excel and LibreOffice (in English or French) write for a
 * formula that failed. */
static gboolean
is_spreadsheet_error (const char *text)
{
  static const char * const errors[] = {
    "#N/A", "#NA", "#VALUE!", "#VALEUR!", "#REF!", "#DIV/0!", "#NUM!", "#NOMBRE!", "#NAME?",
    "#NOM?", "#NULL!", "#NUL!", "#SPILL!", "#CALC!",
  };

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (g_ascii_strcasecmp (text, errors[i]) == 0)
      return TRUE;

  return FALSE;
}

/* tenure_import_trim() for a field of @length bytes, which most often needs nothing. */
static inline char *
trim_field (char  *text,
            gsize *length)
{
  guchar first, last;

  if (*length == 0)
    return text;

  first = (guchar) text[0];
  last = (guchar) text[*length - 1];
  if (first > ' ' && first < 0x80 && last > ' ' && last < 0x80)
    return text;

  text = tenure_import_trim (text);
  *length = strlen (text);
  return text;
}

/* Checks what every kind of row needs, then hands the row to its kind. */
gboolean
tenure_import_loader_load_row (TenureImportLoader *self)
{
  guint n = tenure_csv_reader_get_n_fields (self->reader);
  const char *separator;
  gboolean empty = TRUE;

  /* Each value trimmed once, for the checks below and the row's loader. */
  for (guint i = 0; i < self->n_fields; i++)
    {
      char *text = NULL;
      gsize length = 0;

      if (self->columns[i] >= 0)
        {
          text = tenure_csv_reader_get_field (self->reader, (guint) self->columns[i]);
          length = tenure_csv_reader_get_field_length (self->reader, (guint) self->columns[i]);
          text = trim_field (text, &length);
        }
      self->values[i] = length > 0 ? text : NULL;
      self->lengths[i] = length;
      empty = empty && length == 0;
    }

  for (guint c = 0; c < n && empty; c++)
    empty = *tenure_import_trim (tenure_csv_reader_get_field (self->reader, c)) == '\0';
  if (empty)
    return TRUE;  /* a row of empty cells, as spreadsheets leave below the data */

  self->row_ok = TRUE;

  for (guint i = 0; i < self->n_fields; i++)
    {
      if (self->values[i] != NULL && self->values[i][0] == '#' &&
          is_spreadsheet_error (self->values[i]))
        tenure_import_loader_field_issue (self, i, TENURE_IMPORT_HINT_NONE,
                     g_strdup_printf (_("“%s” is an error of a spreadsheet formula, not a "
                                        "value: correct the formula (or empty the cell) in "
                                        "the spreadsheet, then save the file again"),
                                      self->values[i]));
    }
  if (!self->row_ok)
    return TRUE;

  for (guint c = self->n_header; c < n; c++)
    {
      if (*tenure_import_trim (tenure_csv_reader_get_field (self->reader, c)) != '\0')
        {
          guint line, column;

          separator = tenure_csv_separator_name (tenure_csv_reader_get_separator (self->reader));
          tenure_csv_reader_get_field_position (self->reader, c, &line, &column);
          tenure_import_loader_add_issue (self, line, column, TENURE_IMPORT_HINT_NONE,
                     g_strdup_printf (_("This row has %u values but the header has %u "
                                        "columns: a value probably contains the separator "
                                        "(%s); put that value in quotes"),
                                      n, self->n_header,
                                      separator));
          return TRUE;
        }
    }

  for (guint i = 0; i < self->n_fields; i++)
    {
      if (self->fields[i].required && tenure_import_loader_value (self, i) == NULL)
        {
          guint line, column;

          /* Point at the cell, or at the last cell of a short row. */
          tenure_csv_reader_get_field_position (self->reader, (guint) self->columns[i],
                                                &line, &column);
          tenure_import_loader_add_issue (self, line, column, TENURE_IMPORT_HINT_NONE,
                     g_strdup_printf (_("The “%s” cell is empty, but every row needs a %s: "
                                        "fill it in or remove the row"),
                                      (const char *) g_ptr_array_index (self->headers,
                                                                        self->columns[i]),
                                      self->fields[i].name));
        }
    }

  return row_funcs[self->kind] (self);
}
