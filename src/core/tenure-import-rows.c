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
  char *text;

  if (self->columns[field] < 0)
    return NULL;

  text = tenure_import_trim (tenure_csv_reader_get_field (self->reader,
                                                           (guint) self->columns[field]));
  return *text != '\0' ? text : NULL;
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

/* The id of account @external_id, created when unknown. 0 on a database failure. */
gint64
tenure_import_loader_ensure_account (TenureImportLoader *self,
                                     const char         *external_id)
{
  gpointer found = g_hash_table_lookup (self->accounts, external_id);
  sqlite3_stmt *stmt;
  gint64 id;

  if (found != NULL)
    return (gint64) (gintptr) found;

  if (!self->write)
    id = --self->next_fake_id;
  else
    {
      stmt = tenure_import_loader_prepare (self, "INSERT OR FAIL INTO account (external_id, import_id) VALUES (?, ?)");
      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, external_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, self->import_id);
      if (!tenure_import_loader_step (self, stmt))
        return 0;
      id = sqlite3_last_insert_rowid (tenure_db_get_handle (self->db));
    }

  g_hash_table_insert (self->accounts, g_strdup (external_id), (gpointer) (gintptr) id);
  self->result->accounts_created++;
  return id;
}

static gint64
ensure_job (TenureImportLoader *self,
            const char         *name)
{
  gpointer found = g_hash_table_lookup (self->jobs, name);
  sqlite3_stmt *stmt;
  gint64 id;

  if (found != NULL)
    return (gint64) (gintptr) found;

  if (!self->write)
    id = --self->next_fake_id;
  else
    {
      stmt = tenure_import_loader_prepare (self, "INSERT OR FAIL INTO job (name) VALUES (?)");
      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      if (!tenure_import_loader_step (self, stmt))
        return 0;
      id = sqlite3_last_insert_rowid (tenure_db_get_handle (self->db));
    }

  g_hash_table_insert (self->jobs, g_strdup (name), (gpointer) (gintptr) id);
  self->result->jobs_created++;
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
                char                buf[TENURE_TIMESTAMP_BUF],
                gint64             *seconds)
{
  TenureImportHint hint;
  char *message = NULL;

  if (tenure_import_parse_timestamp (text, self->options->date_order, seconds, &hint,
                                     &message))
    {
      format_timestamp (*seconds, buf);
      return TRUE;
    }

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

static gboolean
load_account (TenureImportLoader *self)
{
  const char *external_id = tenure_import_loader_value (self, ACC_ACCOUNT);
  const char *signup = tenure_import_loader_value (self, ACC_SIGNUP);
  char signup_buf[TENURE_DATE_BUF];
  guint line = tenure_csv_reader_get_line (self->reader);
  gpointer first_line;
  gpointer found;
  sqlite3_stmt *stmt;
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

  found = g_hash_table_lookup (self->accounts, external_id);
  if (found == NULL)
    {
      if (self->write)
        {
          stmt = tenure_import_loader_prepare (self,
                          "INSERT OR FAIL INTO account (external_id, name, segment, plan, channel, "
                          "owner, signup_date, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, external_id, -1, SQLITE_STATIC);
          bind_text_or_null (stmt, 2, tenure_import_loader_value (self, ACC_NAME));
          bind_text_or_null (stmt, 3, tenure_import_loader_value (self, ACC_SEGMENT));
          bind_text_or_null (stmt, 4, tenure_import_loader_value (self, ACC_PLAN));
          bind_text_or_null (stmt, 5, tenure_import_loader_value (self, ACC_CHANNEL));
          bind_text_or_null (stmt, 6, tenure_import_loader_value (self, ACC_OWNER));
          bind_text_or_null (stmt, 7, signup != NULL ? signup_buf : NULL);
          sqlite3_bind_int64 (stmt, 8, self->import_id);
          if (!tenure_import_loader_step (self, stmt))
            return FALSE;
          found = (gpointer) (gintptr) sqlite3_last_insert_rowid (tenure_db_get_handle (self->db));
        }
      else
        found = (gpointer) (gintptr) --self->next_fake_id;
      g_hash_table_insert (self->accounts, g_strdup (external_id), found);
      self->result->accounts_created++;
    }
  else
    {
      /* Known already (from another file): fill in what this file says. */
      if (self->write)
        {
          stmt = tenure_import_loader_prepare (self,
                          "UPDATE account SET name = coalesce (?, name), "
                          "segment = coalesce (?, segment), plan = coalesce (?, plan), "
                          "channel = coalesce (?, channel), owner = coalesce (?, owner), "
                          "signup_date = coalesce (?, signup_date) WHERE id = ?");
          if (stmt == NULL)
            return FALSE;
          bind_text_or_null (stmt, 1, tenure_import_loader_value (self, ACC_NAME));
          bind_text_or_null (stmt, 2, tenure_import_loader_value (self, ACC_SEGMENT));
          bind_text_or_null (stmt, 3, tenure_import_loader_value (self, ACC_PLAN));
          bind_text_or_null (stmt, 4, tenure_import_loader_value (self, ACC_CHANNEL));
          bind_text_or_null (stmt, 5, tenure_import_loader_value (self, ACC_OWNER));
          bind_text_or_null (stmt, 6, signup != NULL ? signup_buf : NULL);
          sqlite3_bind_int64 (stmt, 7, (gint64) (gintptr) found);
          if (!tenure_import_loader_step (self, stmt))
            return FALSE;
        }
      self->result->accounts_updated++;
    }

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
    read_timestamp (self, EV_AT, at, at_buf, &at_seconds);
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

/* Writes the events kept by load_event(), in the order of the index on (account_id, at)
 * (the text of a UTC timestamp sorts like its seconds); equal keys keep the file's
 * order. The records are small (32 bytes) and sorted in place, so that they are then
 * read in memory order: reading them through a sorted index cost a cache and TLB miss
 * each. */
gboolean
tenure_import_loader_write_events (TenureImportLoader  *self,
                                   GCancellable        *cancellable,
                                   GError             **error)
{
  GArray *events = self->pending_events;
  sqlite3_stmt *stmt;

  if (events == NULL || events->len == 0)
    return TRUE;

  qsort (events->data, events->len, sizeof (TenureImportPendingEvent),
         compare_pending_events);

  stmt = tenure_import_loader_prepare (self, INSERT_EVENT_SQL);
  for (guint i = 0; i < events->len && stmt != NULL; i++)
    {
      const TenureImportPendingEvent *event = &g_array_index (events,
                                                              TenureImportPendingEvent, i);
      char at[TENURE_TIMESTAMP_BUF];

      if (i % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      format_timestamp (event->seconds, at);
      sqlite3_bind_int64 (stmt, 1, event->account_id);
      sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, event_kinds[event->line_kind & 3], -1, SQLITE_STATIC);
      bind_id_or_null (stmt, 4, event->job_id);
      bind_text_or_null (stmt, 5, event->user_ref);
      sqlite3_bind_int64 (stmt, 6, self->import_id);
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
    read_timestamp (self, TK_OPENED, opened, opened_buf, &opened_seconds);
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

/* Checks what every kind of row needs, then hands the row to its kind. */
gboolean
tenure_import_loader_load_row (TenureImportLoader *self)
{
  guint n = tenure_csv_reader_get_n_fields (self->reader);
  const char *separator;
  gboolean empty = TRUE;

  for (guint c = 0; c < n && empty; c++)
    empty = *tenure_import_trim (tenure_csv_reader_get_field (self->reader, c)) == '\0';
  if (empty)
    return TRUE;  /* a row of empty cells, as spreadsheets leave below the data */

  self->row_ok = TRUE;

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
