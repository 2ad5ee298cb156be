/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The report's cells: formats, print setup, and writers that check every libxlsxwriter call. */

#define G_LOG_DOMAIN "tenure-report"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tenure-date.h"
#include "tenure-report-private.h"

/* Excel counts days from 1899-12-30 (with its 1900 leap-year quirk behind it). */
#define EXCEL_EPOCH_DAYS (-25569)

gboolean
report_check (ReportContext *ctx,
              lxw_error      status,
              const char    *what)
{
  if (status == LXW_NO_ERROR)
    return ctx->lxw_status == LXW_NO_ERROR;

  if (ctx->lxw_status == LXW_NO_ERROR)
    {
      ctx->lxw_status = status;
      ctx->lxw_where = g_strdup (what);
    }

  return FALSE;
}

gboolean
report_failed (const ReportContext *ctx)
{
  return ctx->lxw_status != LXW_NO_ERROR;
}

/* The currency's number format. The code comes from the workspace, so only three capital
 * letters are used in it: anything else could break out of the quotes. */
static char *
money_format (const ReportContext *ctx)
{
  const char *code = ctx->currency;
  const char *symbol = NULL;
  gboolean before = FALSE;

  if (code == NULL || strlen (code) != 3 || !g_ascii_isupper (code[0]) ||
      !g_ascii_isupper (code[1]) || !g_ascii_isupper (code[2]))
    code = "EUR";

  if (g_str_equal (code, "EUR"))
    symbol = "€";
  else if (g_str_equal (code, "USD"))
    symbol = "$", before = TRUE;
  else if (g_str_equal (code, "GBP"))
    symbol = "£", before = TRUE;
  else
    symbol = code;

  /* French writes the symbol after the amount; English before it for $, £ and €. */
  if (ctx->language == TENURE_REPORT_LANGUAGE_EN && (before || g_str_equal (code, "EUR")))
    return g_strdup_printf ("\"%s\"#,##0.00;-\"%s\"#,##0.00", symbol, symbol);

  return g_strdup_printf ("#,##0.00 \"%s\";-#,##0.00 \"%s\"", symbol, symbol);
}

static lxw_format *
add_format (ReportContext *ctx,
            const char    *num_format)
{
  lxw_format *format = workbook_add_format (ctx->workbook);

  if (format == NULL)
    {
      report_check (ctx, LXW_ERROR_MEMORY_MALLOC_FAILED, "workbook_add_format");
      return NULL;
    }
  format_set_font_name (format, "Calibri");
  format_set_font_size (format, 11);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (num_format != NULL)
    format_set_num_format (format, num_format);

  return format;
}

gboolean
report_create_formats (ReportContext *ctx)
{
  ReportFormats *f = &ctx->formats;
  gboolean fr = ctx->language == TENURE_REPORT_LANGUAGE_FR;
  g_autofree char *money = money_format (ctx);

  f->title = add_format (ctx, NULL);
  f->subtitle = add_format (ctx, NULL);
  f->section = add_format (ctx, NULL);
  f->header = add_format (ctx, NULL);
  f->label = add_format (ctx, NULL);
  f->text = add_format (ctx, "@");
  f->wrap = add_format (ctx, "@");
  f->note = add_format (ctx, "@");
  f->null = add_format (ctx, NULL);
  f->money = add_format (ctx, money);
  f->pct = add_format (ctx, "0.0%");
  f->count = add_format (ctx, "#,##0");
  f->decimal = add_format (ctx, "#,##0.00");
  f->score = add_format (ctx, "0.0");
  f->ratio = add_format (ctx, "0.00");
  f->days = add_format (ctx, "0.0");
  f->month = add_format (ctx, fr ? "[$-40C]mmmm yyyy" : "[$-409]mmmm yyyy");
  f->month_short = add_format (ctx, fr ? "[$-40C]mmm yyyy" : "[$-409]mmm yyyy");
  f->date = add_format (ctx, fr ? "dd/mm/yyyy" : "yyyy-mm-dd");
  f->datetime = add_format (ctx, fr ? "dd/mm/yyyy hh:mm" : "yyyy-mm-dd hh:mm");
  f->good = add_format (ctx, NULL);
  f->watch = add_format (ctx, NULL);
  f->bad = add_format (ctx, NULL);
  f->small = add_format (ctx, "@");
  f->status = add_format (ctx, "@");
  if (report_failed (ctx))
    return FALSE;

  format_set_bold (f->title);
  format_set_font_size (f->title, 16);
  format_set_font_color (f->title, 0x1C3D6E);
  format_set_italic (f->subtitle);
  format_set_font_color (f->subtitle, 0x555555);
  format_set_bold (f->section);
  format_set_font_size (f->section, 12);
  format_set_font_color (f->section, 0x1C3D6E);
  format_set_bold (f->header);
  format_set_text_wrap (f->header);
  format_set_bg_color (f->header, 0xDCE6F1);
  format_set_bottom (f->header, LXW_BORDER_THIN);
  format_set_bold (f->label);
  format_set_text_wrap (f->wrap);
  format_set_italic (f->note);
  format_set_text_wrap (f->note);
  format_set_font_color (f->note, 0x555555);
  format_set_align (f->null, LXW_ALIGN_RIGHT);
  format_set_font_color (f->null, 0x777777);
  format_set_indent (f->status, 1);
  format_set_italic (f->small);
  format_set_font_color (f->small, 0x9C5700);

  /* Traffic lights: dark text on a light fill reads in print and for colour-blind
   * readers, and the Status column says the same in words. */
  format_set_bg_color (f->good, 0xC6EFCE);
  format_set_font_color (f->good, 0x006100);
  format_set_bg_color (f->watch, 0xFFEB9C);
  format_set_font_color (f->watch, 0x9C5700);
  format_set_bg_color (f->bad, 0xFFC7CE);
  format_set_font_color (f->bad, 0x9C0006);
  /* As cells (the bands of Accounts at risk), away from the score before them. */
  format_set_indent (f->good, 1);
  format_set_indent (f->watch, 1);
  format_set_indent (f->bad, 1);

  return TRUE;
}

/* Every sheet prints the same way: landscape A4, one page wide, the sheet's name and
 * the page numbers in the footer. */
lxw_worksheet *
report_add_sheet (ReportContext *ctx,
                  ReportText     name)
{
  lxw_worksheet *sheet;

  if (report_failed (ctx))
    return NULL;

  sheet = workbook_add_worksheet (ctx->workbook, report_text (ctx, name));
  if (sheet == NULL)
    {
      report_check (ctx, LXW_ERROR_PARAMETER_VALIDATION, report_text (ctx, name));
      return NULL;
    }

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);
  worksheet_set_margins (sheet, 0.5, 0.5, 0.6, 0.7);
  worksheet_fit_to_pages (sheet, 1, 0);
  report_check (ctx, worksheet_set_footer (sheet, "&L&A&R&P / &N"), "worksheet_set_footer");
  /* Every printed page starts with the sheet's title and subtitle, unless the sheet is one
   * table whose header it repeats instead (report_repeat_rows ()). */
  report_repeat_rows (ctx, sheet, 0, 1);

  return sheet;
}

void
report_set_columns (ReportContext *ctx,
                    lxw_worksheet *sheet,
                    const double  *widths,
                    guint          n_widths)
{
  for (guint i = 0; i < n_widths; i++)
    report_check (ctx, worksheet_set_column (sheet, i, i, widths[i], NULL),
                  "worksheet_set_column");
}

void
report_repeat_rows (ReportContext *ctx,
                    lxw_worksheet *sheet,
                    lxw_row_t      first,
                    lxw_row_t      last)
{
  report_check (ctx, worksheet_repeat_rows (sheet, first, last), "worksheet_repeat_rows");
}

/* Valid UTF-8 of at most REPORT_MAX_CELL_CHARS characters, the last one an ellipsis when
 * the text had to be cut. Control characters other than tab and line breaks cannot be
 * stored in the workbook's XML: they become spaces. */
char *
report_truncate_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  glong length;
  GString *cut;

  for (char *p = valid; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      *p = ' ';

  length = g_utf8_strlen (valid, -1);
  if (length <= REPORT_MAX_CELL_CHARS)
    return g_steal_pointer (&valid);

  cut = g_string_new_len (valid, g_utf8_offset_to_pointer (valid, REPORT_MAX_CELL_CHARS - 1) - valid);
  g_string_append (cut, "…");

  return g_string_free (cut, FALSE);
}

/* Text always goes in as a string cell: a name such as "=HYPERLINK(…)" stays text. */
void
report_write_text (ReportContext *ctx,
                   lxw_worksheet *sheet,
                   lxw_row_t      row,
                   lxw_col_t      col,
                   const char    *text,
                   lxw_format    *format)
{
  g_autofree char *safe = NULL;

  if (text == NULL || *text == '\0')
    return;

  safe = report_truncate_text (text);
  report_check (ctx, worksheet_write_string (sheet, row, col, safe,
                                             format != NULL ? format : ctx->formats.text),
                "worksheet_write_string");
}

void
report_write_label (ReportContext *ctx,
                    lxw_worksheet *sheet,
                    lxw_row_t      row,
                    lxw_col_t      col,
                    ReportText     id,
                    lxw_format    *format)
{
  report_write_text (ctx, sheet, row, col, report_text (ctx, id), format);
}

/* Row 0: the sheet's title; row 1: company, month and group. */
void
report_write_title (ReportContext *ctx,
                    lxw_worksheet *sheet,
                    ReportText     id)
{
  g_autofree char *month = report_month_label (ctx, ctx->options.month);
  g_autofree char *subtitle = g_strdup_printf ("%s — %s — %s", ctx->company, month, ctx->group);

  report_write_label (ctx, sheet, 0, 0, id, ctx->formats.title);
  report_check (ctx, worksheet_set_row (sheet, 0, 24, NULL), "worksheet_set_row");
  report_write_text (ctx, sheet, 1, 0, subtitle, ctx->formats.subtitle);
}

/* An undefined figure: a dash, never 0. */
void
report_write_null (ReportContext *ctx,
                   lxw_worksheet *sheet,
                   lxw_row_t      row,
                   lxw_col_t      col)
{
  report_check (ctx, worksheet_write_string (sheet, row, col, "—", ctx->formats.null),
                "worksheet_write_string");
}

void
report_write_money (ReportContext *ctx,
                    lxw_worksheet *sheet,
                    lxw_row_t      row,
                    lxw_col_t      col,
                    gint64         cents)
{
  if (cents == TENURE_CENTS_NULL)
    {
      report_write_null (ctx, sheet, row, col);
      return;
    }

  report_check (ctx, worksheet_write_number (sheet, row, col, (double) cents / 100.0,
                                             ctx->formats.money),
                "worksheet_write_number");
}

/* @pct is a percentage (12.5); the cell holds the fraction (0.125) with a % format. */
void
report_write_pct (ReportContext *ctx,
                  lxw_worksheet *sheet,
                  lxw_row_t      row,
                  lxw_col_t      col,
                  double         pct)
{
  if (!isfinite (pct))
    {
      report_write_null (ctx, sheet, row, col);
      return;
    }

  report_check (ctx, worksheet_write_number (sheet, row, col, pct / 100.0, ctx->formats.pct),
                "worksheet_write_number");
}

void
report_write_number (ReportContext *ctx,
                     lxw_worksheet *sheet,
                     lxw_row_t      row,
                     lxw_col_t      col,
                     double         value,
                     lxw_format    *format)
{
  if (!isfinite (value))
    {
      report_write_null (ctx, sheet, row, col);
      return;
    }

  report_check (ctx, worksheet_write_number (sheet, row, col, value, format),
                "worksheet_write_number");
}

void
report_write_count (ReportContext *ctx,
                    lxw_worksheet *sheet,
                    lxw_row_t      row,
                    lxw_col_t      col,
                    gint64         value)
{
  report_write_number (ctx, sheet, row, col, (double) value, ctx->formats.count);
}

/* Our own formulas only, never text from the data; the value is cached so that readers
 * that do not recalculate show it. A NAN value writes a dash instead. */
void
report_write_formula (ReportContext *ctx,
                      lxw_worksheet *sheet,
                      lxw_row_t      row,
                      lxw_col_t      col,
                      const char    *formula,
                      double         cached,
                      lxw_format    *format)
{
  if (!isfinite (cached))
    {
      report_write_null (ctx, sheet, row, col);
      return;
    }

  report_check (ctx, worksheet_write_formula_num (sheet, row, col, formula, format, cached),
                "worksheet_write_formula_num");
}

static lxw_datetime
datetime_from_days (gint32 days)
{
  lxw_datetime datetime = { 0, };
  int year, mon, day;

  tenure_civil_from_days (days, &year, &mon, &day);
  datetime.year = year;
  datetime.month = mon;
  datetime.day = day;

  return datetime;
}

/* A month is written as the date of its first day, shown as "April 2026" (in tables,
 * with the short format: "Apr 2026"). */
void
report_write_month (ReportContext *ctx,
                    lxw_worksheet *sheet,
                    lxw_row_t      row,
                    lxw_col_t      col,
                    int            month)
{
  lxw_datetime datetime = datetime_from_days (tenure_month_first_day (month));

  report_check (ctx, worksheet_write_datetime (sheet, row, col, &datetime,
                                               col == 0 ? ctx->formats.month_short
                                                        : ctx->formats.month),
                "worksheet_write_datetime");
}

void
report_write_datetime (ReportContext *ctx,
                       lxw_worksheet *sheet,
                       lxw_row_t      row,
                       lxw_col_t      col,
                       GDateTime     *datetime,
                       lxw_format    *format)
{
  lxw_datetime value = {
    .year = g_date_time_get_year (datetime),
    .month = g_date_time_get_month (datetime),
    .day = g_date_time_get_day_of_month (datetime),
    .hour = g_date_time_get_hour (datetime),
    .min = g_date_time_get_minute (datetime),
    .sec = g_date_time_get_second (datetime),
  };

  report_check (ctx, worksheet_write_datetime (sheet, row, col, &value,
                                               format != NULL ? format : ctx->formats.datetime),
                "worksheet_write_datetime");
}

/* A sentence spread over columns 0 … @last_col of its row, wrapped, with a row height
 * that fits its length. */
void
report_write_paragraph (ReportContext *ctx,
                        lxw_worksheet *sheet,
                        lxw_row_t      row,
                        lxw_col_t      last_col,
                        const char    *text,
                        lxw_format    *format)
{
  g_autofree char *safe = report_truncate_text (text);
  glong length = g_utf8_strlen (safe, -1);
  /* About 160 characters a line over the width of the sheets' tables. */
  double lines = MAX (1, ceil ((double) length / 160.0));

  report_check (ctx, worksheet_set_row (sheet, row, MIN (409, 15.0 * lines + 2), NULL),
                "worksheet_set_row");
  report_check (ctx, worksheet_merge_range (sheet, row, 0, row, last_col, safe,
                                            format != NULL ? format : ctx->formats.wrap),
                "worksheet_merge_range");
}

/* A chart's copy of a nullable figure: the number, or nothing at all. */
void
report_write_chart_value (ReportContext *ctx,
                          lxw_worksheet *sheet,
                          lxw_row_t      row,
                          lxw_col_t      col,
                          double         value)
{
  if (!isfinite (value))
    return;

  report_check (ctx, worksheet_write_number (sheet, row, col, value, NULL),
                "worksheet_write_number");
}

void
report_hide_columns (ReportContext *ctx,
                     lxw_worksheet *sheet,
                     lxw_col_t      first,
                     lxw_col_t      last)
{
  lxw_row_col_options options = { .hidden = LXW_TRUE };

  report_check (ctx, worksheet_set_column_opt (sheet, first, last, 8, NULL, &options),
                "worksheet_set_column_opt");
}
