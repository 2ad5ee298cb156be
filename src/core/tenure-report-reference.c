/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's reference sheets: how every figure is defined, and where the data came from. */

#define G_LOG_DOMAIN "tenure-report"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-date.h"
#include "tenure-import.h"
#include "tenure-report-private.h"

/* The time of the last import (*found FALSE when nothing was imported). */
static gboolean
last_import (ReportContext  *ctx,
             gint64         *seconds,
             gboolean       *found,
             GError        **error)
{
  sqlite3_stmt *stmt = tenure_db_prepare (ctx->db, "SELECT max(imported_at) FROM import", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  *found = FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *found = tenure_timestamp_parse ((const char *) sqlite3_column_text (stmt, 0), seconds);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return tenure_db_set_error (ctx->db, rc, error);

  return TRUE;
}

/* Figures of a past month are computed from all the data there is, so a later import
 * (of late events, say) can change them: the report says which imports it saw. Writes
 * nothing when nothing was imported. */
static gboolean
write_data_cutoff (ReportContext  *ctx,
                   lxw_worksheet  *sheet,
                   lxw_row_t       row,
                   lxw_col_t       last_col,
                   GError        **error)
{
  g_autofree char *date = NULL;
  GString *sentence;
  gboolean found;
  gint64 seconds;

  if (!last_import (ctx, &seconds, &found, error))
    return FALSE;
  if (!found)
    return TRUE;

  date = report_format_timestamp (ctx, seconds);
  sentence = g_string_new (report_text (ctx, T_DATA_CUTOFF));
  g_string_replace (sentence, "{date}", date, 1);
  report_write_paragraph (ctx, sheet, row, last_col, sentence->str, ctx->formats.wrap);
  g_string_free (sentence, TRUE);

  return TRUE;
}

gboolean
report_sheet_definitions (ReportContext  *ctx,
                          GError        **error)
{
  static const double widths[] = { 52, 14, 14, 100 };
  lxw_worksheet *sheet = report_add_sheet (ctx, T_SHEET_DEFINITIONS);
  const ReportDefinition *definitions;
  const ReportTarget *targets;
  guint n_definitions, n_targets;
  lxw_row_t breaks[] = { 0, 0 };
  lxw_row_t row;

  if (sheet == NULL)
    return FALSE;

  report_set_columns (ctx, sheet, widths, G_N_ELEMENTS (widths));
  report_write_title (ctx, sheet, T_DEFINITIONS_TITLE);

  /* The sheet holds two tables, so the pages repeat its title rather than one table's
   * header, and the targets start on a page of their own. */
  report_repeat_rows (ctx, sheet, 0, 1);
  row = 3;
  report_write_label (ctx, sheet, row, 0, T_FIGURE, ctx->formats.header);
  report_check (ctx, worksheet_merge_range (sheet, row, 1, row, 3,
                                            report_text (ctx, T_DEFINITION), ctx->formats.header),
                "worksheet_merge_range");
  worksheet_freeze_panes (sheet, row + 1, 0);
  row++;

  definitions = report_definitions (&n_definitions);
  for (guint i = 0; i < n_definitions; i++, row++)
    {
      const char *text = definitions[i].definition[ctx->language];
      /* Columns B–D hold about 150 characters a line. */
      double lines = MAX (1, (g_utf8_strlen (text, -1) + 149) / 150);

      report_check (ctx, worksheet_set_row (sheet, row, 15.0 * lines + 3, NULL),
                    "worksheet_set_row");
      report_write_label (ctx, sheet, row, 0, definitions[i].figure, ctx->formats.label);
      report_check (ctx, worksheet_merge_range (sheet, row, 1, row, 3, text, ctx->formats.wrap),
                    "worksheet_merge_range");
    }

  row++;
  if (!write_data_cutoff (ctx, sheet, row++, 3, error))
    return FALSE;
  report_write_paragraph (ctx, sheet, row++, 3, report_text (ctx, T_NOT_APPLICABLE_NOTE),
                          ctx->formats.note);

  row++;
  breaks[0] = row;
  report_check (ctx, worksheet_set_h_pagebreaks (sheet, breaks), "worksheet_set_h_pagebreaks");
  report_write_label (ctx, sheet, row++, 0, T_TARGETS_TITLE, ctx->formats.section);
  report_write_label (ctx, sheet, row, 0, T_FIGURE, ctx->formats.header);
  report_write_label (ctx, sheet, row, 1, T_TARGET, ctx->formats.header);
  report_write_label (ctx, sheet, row, 2, T_DEFAULT, ctx->formats.header);
  report_write_label (ctx, sheet, row, 3, T_SETTING, ctx->formats.header);
  row++;

  targets = report_targets (&n_targets);
  for (guint i = 0; i < n_targets; i++, row++)
    {
      lxw_format *format;
      double scale = 1.0;

      switch (targets[i].unit)
        {
        case REPORT_UNIT_PCT:
          format = ctx->formats.pct;
          scale = 0.01;
          break;
        case REPORT_UNIT_DAYS:
          format = ctx->formats.days;
          break;
        case REPORT_UNIT_RATIO:
          format = ctx->formats.ratio;
          break;
        case REPORT_UNIT_SCORE:
        default:
          format = ctx->formats.score;
          break;
        }

      report_write_label (ctx, sheet, row, 0, targets[i].figure, ctx->formats.label);
      report_write_number (ctx, sheet, row, 1, report_target_value (ctx, &targets[i]) * scale,
                           format);
      report_write_number (ctx, sheet, row, 2, targets[i].fallback * scale, format);
      report_write_text (ctx, sheet, row, 3, targets[i].key, ctx->formats.status);
    }

  return !report_failed (ctx);
}

/* The kind of an import in the report's language; the lineage's own word when unknown. */
static const char *
kind_text (ReportContext *ctx,
           const char    *kind)
{
  static const ReportText texts[] = {
    [TENURE_IMPORT_KIND_ACCOUNTS] = T_KIND_ACCOUNTS,
    [TENURE_IMPORT_KIND_SUBSCRIPTIONS] = T_KIND_SUBSCRIPTIONS,
    [TENURE_IMPORT_KIND_EVENTS] = T_KIND_EVENTS,
    [TENURE_IMPORT_KIND_RESPONSES] = T_KIND_RESPONSES,
    [TENURE_IMPORT_KIND_SPEND] = T_KIND_SPEND,
    [TENURE_IMPORT_KIND_TICKETS] = T_KIND_TICKETS,
    [TENURE_IMPORT_KIND_ANSWERS] = T_KIND_ANSWERS,
  };
  TenureImportKind parsed = tenure_import_kind_from_string (kind);

  if (parsed != TENURE_IMPORT_KIND_NONE && (gsize) parsed < G_N_ELEMENTS (texts))
    return report_text (ctx, texts[parsed]);
  if (g_strcmp0 (kind, "demo") == 0)
    return report_text (ctx, T_KIND_DEMO);

  return kind;
}

static void
write_import (ReportContext *ctx,
              lxw_worksheet *sheet,
              lxw_row_t      row,
              sqlite3_stmt  *stmt)
{
  const char *imported_at = (const char *) sqlite3_column_text (stmt, 4);
  gint64 seconds;

  report_write_text (ctx, sheet, row, 0, (const char *) sqlite3_column_text (stmt, 0), NULL);
  report_write_text (ctx, sheet, row, 1,
                     kind_text (ctx, (const char *) sqlite3_column_text (stmt, 1)), NULL);
  report_write_count (ctx, sheet, row, 2, sqlite3_column_int64 (stmt, 2));
  report_write_text (ctx, sheet, row, 3, (const char *) sqlite3_column_text (stmt, 3),
                     ctx->formats.status);

  if (imported_at != NULL && tenure_timestamp_parse (imported_at, &seconds))
    {
      g_autoptr(GDateTime) datetime = g_date_time_new_from_unix_utc (seconds);

      report_write_datetime (ctx, sheet, row, 4, datetime, NULL);
    }
  else
    {
      report_write_text (ctx, sheet, row, 4, imported_at, NULL);
    }
}

gboolean
report_sheet_lineage (ReportContext  *ctx,
                      GError        **error)
{
  static const double widths[] = { 34, 16, 10, 68, 18 };
  lxw_worksheet *sheet = report_add_sheet (ctx, T_SHEET_LINEAGE);
  g_autofree char *workspace = NULL;
  sqlite3_stmt *stmt;
  guint n_imports = 0;
  gboolean imported;
  gint64 last_seconds;
  lxw_row_t row;
  int rc;

  if (sheet == NULL)
    return FALSE;

  report_set_columns (ctx, sheet, widths, G_N_ELEMENTS (widths));
  report_write_title (ctx, sheet, T_LINEAGE_TITLE);

  workspace = g_path_get_basename (tenure_db_get_path (ctx->db));
  row = 3;
  report_write_label (ctx, sheet, row, 0, T_WORKSPACE_FILE, ctx->formats.label);
  report_write_text (ctx, sheet, row++, 1, workspace, NULL);
  report_write_label (ctx, sheet, row, 0, T_APP_VERSION, ctx->formats.label);
  report_write_text (ctx, sheet, row++, 1, PACKAGE_VERSION, NULL);
  report_write_label (ctx, sheet, row, 0, T_SCHEMA_VERSION, ctx->formats.label);
  report_write_count (ctx, sheet, row++, 1, tenure_db_get_schema_version (ctx->db));
  report_write_label (ctx, sheet, row, 0, T_GENERATED_AT, ctx->formats.label);
  report_write_datetime (ctx, sheet, row++, 1, ctx->generated_at, NULL);
  if (!last_import (ctx, &last_seconds, &imported, error))
    return FALSE;
  if (imported)
    {
      g_autoptr(GDateTime) last = g_date_time_new_from_unix_utc (last_seconds);

      report_write_label (ctx, sheet, row, 0, T_DATA_UP_TO, ctx->formats.label);
      report_write_datetime (ctx, sheet, row++, 1, last, NULL);
      if (!write_data_cutoff (ctx, sheet, row++, 4, error))
        return FALSE;
    }

  row++;
  report_write_label (ctx, sheet, row, 0, T_FILE, ctx->formats.header);
  report_write_label (ctx, sheet, row, 1, T_KIND, ctx->formats.header);
  report_write_label (ctx, sheet, row, 2, T_ROWS, ctx->formats.header);
  report_write_label (ctx, sheet, row, 3, T_SHA256, ctx->formats.header);
  report_write_label (ctx, sheet, row, 4, T_IMPORTED_AT, ctx->formats.header);
  report_repeat_rows (ctx, sheet, row, row);
  row++;

  stmt = tenure_db_prepare (ctx->db,
                            "SELECT file_name, kind, rows, sha256, imported_at FROM import "
                            "ORDER BY imported_at, id",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      write_import (ctx, sheet, row++, stmt);
      n_imports++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return tenure_db_set_error (ctx->db, rc, error);

  if (n_imports == 0)
    report_write_paragraph (ctx, sheet, row, 4, report_text (ctx, T_NO_IMPORT), ctx->formats.note);

  return !report_failed (ctx);
}
