/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Native Excel charts over the report's own tables; an empty table still gets its chart. */

#define G_LOG_DOMAIN "tenure-report"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-report-private.h"

/* A chart whose table holds no figure keeps its place and its series (libxlsxwriter
 * refuses a chart without one), and says so in its title. */
lxw_chart *
report_chart_new (ReportContext         *ctx,
                  uint8_t                type,
                  ReportText             title,
                  const ReportChartData *data,
                  ReportText             y_axis,
                  const char            *y_num_format)
{
  g_autofree char *name = NULL;
  lxw_chart_font title_font = { .size = 12, .bold = LXW_TRUE };
  lxw_chart_axis *values, *categories;
  lxw_chart *chart;

  if (report_failed (ctx))
    return NULL;

  chart = workbook_add_chart (ctx->workbook, type);
  if (chart == NULL)
    {
      report_check (ctx, LXW_ERROR_MEMORY_MALLOC_FAILED, "workbook_add_chart");
      return NULL;
    }

  if (data->empty)
    name = g_strdup_printf ("%s (%s)", report_text (ctx, title), report_text (ctx, T_NO_DATA));
  else
    name = g_strdup (report_text (ctx, title));

  chart_title_set_name (chart, name);
  chart_title_set_name_font (chart, &title_font);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  /* Nullable figures are drawn from hidden columns (REPORT_CHART_DATA_COL). */
  chart_show_hidden_data (chart);
  chart_show_blanks_as (chart, LXW_CHART_BLANKS_AS_GAP);

  /* In a bar chart the value axis is the horizontal one, libxlsxwriter's x axis. */
  values = type == LXW_CHART_BAR ? chart->x_axis : chart->y_axis;
  categories = type == LXW_CHART_BAR ? chart->y_axis : chart->x_axis;
  chart_axis_set_name (values, report_text (ctx, y_axis));
  if (y_num_format != NULL)
    chart_axis_set_num_format (values, y_num_format);
  chart_axis_major_gridlines_set_visible (values, LXW_TRUE);
  if (data->dates)
    {
      /* Thirteen month names, French ones longer ("sept. 26"), do not fit side by side. */
      lxw_chart_font slanted = { .rotation = -45 };

      chart_axis_set_num_format (categories, ctx->language == TENURE_REPORT_LANGUAGE_FR
                                             ? "[$-40C]mmm yy" : "[$-409]mmm yy");
      chart_axis_set_num_font (categories, &slanted);
    }
  /* Bars read top to bottom in the order of the table. */
  if (type == LXW_CHART_BAR)
    chart_axis_set_reverse (categories);
  else
    /* Category names under the plot, not on the zero line among negative values. */
    chart_axis_set_label_position (categories, LXW_CHART_AXIS_LABEL_POSITION_LOW);

  return chart;
}

gboolean
report_chart_add_series (ReportContext         *ctx,
                         lxw_chart             *chart,
                         const ReportChartData *data,
                         lxw_col_t              col,
                         lxw_color_t            color)
{
  lxw_chart_series *series;

  if (chart == NULL || report_failed (ctx))
    return FALSE;

  series = chart_add_series (chart, NULL, NULL);
  if (series == NULL)
    return report_check (ctx, LXW_ERROR_MEMORY_MALLOC_FAILED, "chart_add_series");

  /* The sheet name is quoted by libxlsxwriter when it needs to be ("Jobs & onboarding"). */
  chart_series_set_categories (series, data->sheet_name, data->first_row, data->category_col,
                               data->last_row, data->category_col);
  chart_series_set_values (series, data->sheet_name, data->first_row, col, data->last_row, col);
  chart_series_set_name_range (series, data->sheet_name, data->header_row, col);

  if (color != 0)
    {
      lxw_chart_fill fill = { .color = color };
      lxw_chart_line line = { .color = color, .width = 2.25 };

      if (chart->type == LXW_CHART_LINE)
        {
          chart_series_set_line (series, &line);
          chart_series_set_marker_type (series, LXW_CHART_MARKER_CIRCLE);
          chart_series_set_marker_size (series, 5);
          chart_series_set_marker_fill (series, &fill);
          chart_series_set_marker_line (series, &line);
        }
      else
        {
          chart_series_set_fill (series, &fill);
        }
    }

  return TRUE;
}

void
report_chart_insert (ReportContext *ctx,
                     lxw_worksheet *sheet,
                     lxw_row_t      row,
                     lxw_col_t      col,
                     lxw_chart     *chart,
                     double         x_scale,
                     double         y_scale)
{
  lxw_chart_options options = {
    .x_offset = 4,
    .y_offset = 4,
    .x_scale = x_scale,
    .y_scale = y_scale,
    .object_position = LXW_OBJECT_MOVE_DONT_SIZE,
    /* Alt text for screen readers: the chart's title. */
    .description = chart != NULL ? chart->title.name : NULL,
  };

  if (chart == NULL || report_failed (ctx))
    return;

  if (report_check (ctx, worksheet_insert_chart_opt (sheet, row, col, chart, &options),
                    "worksheet_insert_chart"))
    ctx->n_charts++;
}
