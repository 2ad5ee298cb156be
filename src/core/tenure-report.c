/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The monthly report: figures from metrics, sheets in order, a temporary file renamed at the end. */

#define G_LOG_DOMAIN "tenure-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tenure-date.h"
#include "tenure-file.h"
#include "tenure-health.h"
#include "tenure-initiative.h"
#include "tenure-metrics.h"
#include "tenure-qualify.h"
#include "tenure-report-private.h"
#include "tenure-scenario.h"

G_DEFINE_QUARK (tenure-report-error-quark, tenure_report_error)

/* The GTask source tag: an object address (a function pointer is not one in ISO C). */
static char write_async_tag;

typedef gboolean (*SheetFunc) (ReportContext  *ctx,
                               GError        **error);

/* In the order of the tabs. */
static const SheetFunc sheets[] = {
  report_sheet_summary,
  report_sheet_revenue,
  report_sheet_cohorts,
  report_sheet_jobs,
  report_sheet_qualification,
  report_sheet_at_risk,
  report_sheet_satisfaction,
  report_sheet_acquisition,
  report_sheet_definitions,
  report_sheet_lineage,
};

void
tenure_report_options_init (TenureReportOptions *options)
{
  memset (options, 0, sizeof *options);
  options->language = tenure_report_language_from_locale ();
  options->filter.kind = TENURE_FILTER_NONE;
}

/* French when LANGUAGE (its first entry) or else the locale says so, as gettext would. */
TenureReportLanguage
tenure_report_language_from_locale (void)
{
  const char *language = g_getenv ("LANGUAGE");
  const char * const *names;

  if (language != NULL && *language != '\0')
    return g_str_has_prefix (language, "fr") ? TENURE_REPORT_LANGUAGE_FR
                                             : TENURE_REPORT_LANGUAGE_EN;

  names = g_get_language_names ();
  if (names != NULL && names[0] != NULL && g_str_has_prefix (names[0], "fr"))
    return TENURE_REPORT_LANGUAGE_FR;

  return TENURE_REPORT_LANGUAGE_EN;
}

gboolean
tenure_report_language_parse (const char           *text,
                              TenureReportLanguage *language)
{
  if (g_strcmp0 (text, "en") == 0)
    *language = TENURE_REPORT_LANGUAGE_EN;
  else if (g_strcmp0 (text, "fr") == 0)
    *language = TENURE_REPORT_LANGUAGE_FR;
  else
    return FALSE;

  return TRUE;
}

static void
context_clear (ReportContext *ctx)
{
  g_clear_pointer (&ctx->lxw_where, g_free);
  g_clear_pointer (&ctx->company, g_free);
  g_clear_pointer (&ctx->currency, g_free);
  g_clear_pointer (&ctx->group, g_free);
  g_clear_pointer (&ctx->generated_at, g_date_time_unref);
  g_clear_pointer (&ctx->metrics, tenure_metrics_free);
  ctx->series = NULL;
  g_clear_pointer (&ctx->health, tenure_health_report_free);
  g_clear_pointer (&ctx->audit, tenure_audit_free);
  g_clear_pointer (&ctx->scenarios, g_ptr_array_unref);
  g_clear_pointer (&ctx->initiatives, g_ptr_array_unref);
}

static char *
describe_group (const ReportContext *ctx)
{
  const TenureFilter *filter = &ctx->options.filter;
  ReportText kind;

  switch (filter->kind)
    {
    case TENURE_FILTER_SEGMENT:
      kind = T_SEGMENT;
      break;
    case TENURE_FILTER_PLAN:
      kind = T_PLAN;
      break;
    case TENURE_FILTER_CHANNEL:
      kind = T_CHANNEL;
      break;
    case TENURE_FILTER_NONE:
    default:
      return g_strdup (report_text (ctx, T_ALL_ACCOUNTS));
    }

  return g_strdup_printf ("%s%s%s", report_text (ctx, kind),
                          ctx->language == TENURE_REPORT_LANGUAGE_FR ? " : " : ": ",
                          filter->value != NULL ? filter->value : "");
}

/* Besides the month's metrics and the account health list (computed together by the
 * calling thread, from one read of the data), the report needs the scenario funnels, the
 * qualification audit and the initiatives' return: a worker thread with its own read-only
 * connection computes them meanwhile. Scenarios and the audit take no group filter: they
 * are over every account; the initiatives take the report's. */
typedef struct
{
  char                *path;
  int                  month;
  const TenureFilter  *filter;
  GCancellable        *cancellable;
  GPtrArray           *scenarios;
  TenureAudit         *audit;
  GPtrArray           *initiatives;
  GError              *error;
} SideJob;

static gpointer
side_thread (gpointer data)
{
  SideJob *job = data;
  g_autoptr(TenureDb) db = tenure_db_open (job->path, TENURE_DB_OPEN_READ_ONLY, &job->error);

  if (db == NULL)
    return NULL;

  job->scenarios = tenure_scenario_compute_all_stats (db, job->month, job->cancellable,
                                                      &job->error);
  if (job->scenarios != NULL)
    job->audit = tenure_audit_compute (db, job->month, NULL, NULL, job->cancellable,
                                       &job->error);
  if (job->audit != NULL)
    job->initiatives = tenure_initiative_roi (db, job->month, job->filter, job->cancellable,
                                              &job->error);

  return NULL;
}

typedef struct
{
  TenureProgressFunc progress;
  gpointer           user_data;
} ProgressScale;

/* Metrics take the first 40 % of the report's progress. */
static void
metrics_progress_cb (double   fraction,
                     gpointer user_data)
{
  ProgressScale *scale = user_data;

  scale->progress (0.4 * fraction, scale->user_data);
}

/* Every figure comes from metrics and health, the same code as the dashboard and
 * `tenure-cli metrics`: the report only lays them out. */
static gboolean
load_figures (ReportContext       *ctx,
              TenureProgressFunc   progress,
              gpointer             user_data,
              GError             **error)
{
  g_autofree char *path = g_strdup (tenure_db_get_path (ctx->db));
  SideJob job = { 0, };
  GThread *thread;
  ProgressScale scale = { progress, user_data };
  g_autoptr(GError) metrics_error = NULL;
  GError *side_error = NULL;

  job.path = path;
  job.month = ctx->options.month;
  job.filter = ctx->options.filter.kind != TENURE_FILTER_NONE ? &ctx->options.filter : NULL;
  job.cancellable = ctx->cancellable;
  thread = g_thread_try_new ("tenure-report", side_thread, &job, NULL);
  if (thread == NULL)
    side_thread (&job);

  /* The dashboard's call: the month and its series from one pass over the data, and the
   * health list its scores give. */
  ctx->metrics = tenure_metrics_compute_with_health (ctx->db, ctx->options.month,
                                                     REPORT_SERIES_MONTHS, &ctx->options.filter,
                                                     &ctx->health,
                                                     progress != NULL ? metrics_progress_cb : NULL,
                                                     &scale, ctx->cancellable, &metrics_error);

  if (thread != NULL)
    g_thread_join (thread);
  side_error = g_steal_pointer (&job.error);
  ctx->scenarios = job.scenarios;
  ctx->audit = job.audit;
  ctx->initiatives = job.initiatives;

  if (ctx->metrics == NULL)
    {
      g_clear_error (&side_error);
      g_propagate_error (error, g_steal_pointer (&metrics_error));
      return FALSE;
    }
  if (side_error != NULL)
    {
      g_propagate_error (error, side_error);
      return FALSE;
    }
  ctx->series = ctx->metrics->series;
  g_assert (ctx->series != NULL && ctx->series->n_months == REPORT_SERIES_MONTHS);
  if (progress != NULL)
    progress (0.5, user_data);

  return TRUE;
}

static gboolean
set_properties (ReportContext *ctx)
{
  g_autofree char *month = report_month_label (ctx, ctx->options.month);
  g_autofree char *title = g_strdup_printf ("%s — %s — %s", report_text (ctx, T_DOC_TITLE),
                                            ctx->company, month);
  g_autofree char *comments = g_strdup_printf ("Tenure %s — %s", PACKAGE_VERSION, ctx->group);
  lxw_doc_properties properties = {
    .title = title,
    .subject = (char *) report_text (ctx, T_DOC_SUBJECT),
    .author = (char *) "Tenure",
    .company = ctx->company,
    .category = (char *) report_text (ctx, T_DOC_TITLE),
    .keywords = (char *) "MRR, NRR, GRR, churn, NPS, cohorts",
    .comments = comments,
    .created = (time_t) g_date_time_to_unix (ctx->generated_at),
  };

  return report_check (ctx, workbook_set_properties (ctx->workbook, &properties),
                       "workbook_set_properties");
}

static gboolean
set_lxw_error (const ReportContext  *ctx,
               const char           *output_path,
               GError              **error)
{
  g_autofree char *display = g_filename_display_basename (output_path);

  switch (ctx->lxw_status)
    {
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
      /* libxlsxwriter's own words ("Zip generic error ZIP_ERRNO…") tell a manager
       * nothing: they go to the debug log. */
      g_debug ("libxlsxwriter: %s (in %s)", lxw_strerror (ctx->lxw_status),
               ctx->lxw_where != NULL ? ctx->lxw_where : "workbook");
      g_set_error (error, TENURE_REPORT_ERROR, TENURE_REPORT_ERROR_WRITE,
                   _("Could not write the report “%s”: the disk may be full, or you may not "
                     "write to its folder. Free some space or choose another folder; nothing "
                     "was written."),
                   display);
      break;
    default:
      g_set_error (error, TENURE_REPORT_ERROR, TENURE_REPORT_ERROR_XLSX,
                   _("Could not write the report “%s”: %s (in %s); nothing was written."),
                   display, lxw_strerror (ctx->lxw_status),
                   ctx->lxw_where != NULL ? ctx->lxw_where : "workbook");
      break;
    }

  return FALSE;
}

static gboolean
write_workbook (ReportContext       *ctx,
                const char          *tmp_path,
                TenureProgressFunc   progress,
                gpointer             user_data,
                GError             **error)
{
  /* constant_memory: each row goes to disk as soon as the next one starts, so the
   * Accounts at risk sheet of a 100,000-account workspace does not sit in memory. The
   * price: rows must be written in ascending order (every sheet writer does; a late
   * write returns an error, which is checked) and strings are stored inline rather than
   * in a shared-strings table. The row files go through tmpfile(), which on Linux makes
   * anonymous files (O_TMPFILE) that vanish with the process: a report killed midway
   * leaves nothing behind, where named files in the destination folder could stay. */
  lxw_workbook_options workbook_options = {
    .constant_memory = LXW_TRUE,
  };
  lxw_error status;

  ctx->workbook = workbook_new_opt (tmp_path, &workbook_options);
  if (ctx->workbook == NULL)
    {
      report_check (ctx, LXW_ERROR_MEMORY_MALLOC_FAILED, "workbook_new_opt");
      return FALSE;
    }

  if (!report_create_formats (ctx) || !set_properties (ctx))
    goto failed;

  for (guint i = 0; i < G_N_ELEMENTS (sheets); i++)
    {
      if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
        {
          lxw_workbook_free (g_steal_pointer (&ctx->workbook));
          return FALSE;
        }
      if (!sheets[i] (ctx, error))
        goto failed;
      if (progress != NULL)
        progress (0.5 + 0.4 * (i + 1) / G_N_ELEMENTS (sheets), user_data);
    }

  status = workbook_close (g_steal_pointer (&ctx->workbook));
  if (!report_check (ctx, status, "workbook_close"))
    return FALSE;

  return TRUE;

failed:
  lxw_workbook_free (g_steal_pointer (&ctx->workbook));
  return FALSE;
}

gboolean
tenure_report_write (TenureDb                   *db,
                     const TenureReportOptions  *options,
                     const char                 *output_path,
                     TenureProgressFunc          progress,
                     gpointer                    user_data,
                     GCancellable               *cancellable,
                     GError                    **error)
{
  ReportContext ctx = { 0, };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *display = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  basename = g_path_get_basename (output_path);
  display = g_filename_display_name (output_path);
  if (g_str_equal (basename, ".") || g_str_equal (basename, G_DIR_SEPARATOR_S) ||
      g_str_has_suffix (output_path, G_DIR_SEPARATOR_S))
    {
      g_set_error (error, TENURE_REPORT_ERROR, TENURE_REPORT_ERROR_INVALID,
                   _("“%s” is a folder: give the name of the report file, for example "
                     "report.xlsx"), display);
      return FALSE;
    }

  /* A report written over its own workspace, or any other, would destroy it. */
  if (!tenure_file_check_replaceable (output_path, &local_error))
    {
      g_set_error_literal (error, TENURE_REPORT_ERROR, TENURE_REPORT_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  ctx.db = db;
  ctx.options = *options;
  ctx.language = options->language < TENURE_REPORT_N_LANGUAGES ? options->language
                                                                 : TENURE_REPORT_LANGUAGE_EN;
  ctx.cancellable = cancellable;
  ctx.company = tenure_db_get_company_name (db);
  ctx.currency = tenure_db_get_setting (db, "currency", "EUR");
  ctx.group = describe_group (&ctx);
  ctx.generated_at = options->generated_at != NULL ? g_date_time_ref (options->generated_at)
                                                   : g_date_time_new_now_utc ();

  if (progress != NULL)
    progress (0.0, user_data);

  /* Figures first: a bad month or a cancelled export never touches the folder. */
  if (!load_figures (&ctx, progress, user_data, error))
    goto out;

  /* The project's one way of writing a file: stale ".NAME.XXXXXX" temporaries of a killed
   * export are removed, and a new one is created beside @output_path. */
  tmp_path = tenure_file_create_temporary (output_path, &local_error);
  if (tmp_path == NULL)
    {
      /* Translators: %s says which file could not be written and why. */
      g_set_error (error, TENURE_REPORT_ERROR, TENURE_REPORT_ERROR_WRITE,
                   _("%s. Choose a folder you may write to; nothing was written."),
                   local_error->message);
      goto out;
    }

  if (!write_workbook (&ctx, tmp_path, progress, user_data, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_lxw_error (&ctx, output_path, error);
      goto out;
    }

  /* Synced, then renamed over @output_path; on failure the temporary is removed. */
  if (!tenure_file_commit_temporary (tmp_path, output_path, &local_error))
    {
      /* Translators: %s says which file could not be written and why. */
      g_set_error (error, TENURE_REPORT_ERROR, TENURE_REPORT_ERROR_WRITE,
                   _("%s; nothing was written."), local_error->message);
      g_clear_pointer (&tmp_path, g_free);
      goto out;
    }
  g_clear_pointer (&tmp_path, g_free);

  if (progress != NULL)
    progress (1.0, user_data);
  ok = TRUE;

out:
  if (tmp_path != NULL)
    tenure_file_discard_temporary (tmp_path);
  context_clear (&ctx);

  return ok;
}

typedef struct
{
  char                *workspace_path;
  TenureReportOptions  options;
  char                *filter_value;
  char                *output_path;
  TenureProgressFunc   progress;
  gpointer             progress_data;
  GDestroyNotify       progress_data_destroy;
} WriteData;

static void
write_data_free (WriteData *data)
{
  if (data->progress_data_destroy != NULL)
    data->progress_data_destroy (data->progress_data);
  g_clear_pointer (&data->options.generated_at, g_date_time_unref);
  g_free (data->workspace_path);
  g_free (data->filter_value);
  g_free (data->output_path);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteData *data = task_data;
  g_autoptr(TenureDb) db = NULL;
  GError *error = NULL;

  /* The worker's own connection: SQLite handles are not shared between threads. */
  db = tenure_db_open (data->workspace_path, TENURE_DB_OPEN_READ_ONLY, &error);
  if (db == NULL ||
      !tenure_report_write (db, &data->options, data->output_path, data->progress,
                            data->progress_data, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
tenure_report_write_async (const char                 *workspace_path,
                           const TenureReportOptions  *options,
                           const char                 *output_path,
                           TenureProgressFunc          progress,
                           gpointer                    progress_data,
                           GDestroyNotify              progress_data_destroy,
                           GCancellable               *cancellable,
                           GAsyncReadyCallback         callback,
                           gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (workspace_path != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (output_path != NULL);

  data = g_new0 (WriteData, 1);
  data->workspace_path = g_strdup (workspace_path);
  data->options = *options;
  data->filter_value = g_strdup (options->filter.value);
  data->options.filter.value = data->filter_value;
  if (options->generated_at != NULL)
    data->options.generated_at = g_date_time_ref (options->generated_at);
  data->output_path = g_strdup (output_path);
  data->progress = progress;
  data->progress_data = progress_data;
  data->progress_data_destroy = progress_data_destroy;

  task = g_task_new (NULL, cancellable, callback, user_data);
  /* The result says what the worker did: a cancel that comes after the rename must not
   * report "cancelled" for a report that was written. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_source_tag (task, &write_async_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
tenure_report_write_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == &write_async_tag,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
