/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a chart shows: category labels, series of values (NAN = missing), a unit, a target. */
#pragma once

#include <glib-object.h>

#include "tenure-format.h"

G_BEGIN_DECLS

/* Colour roles, resolved against libadwaita's palette for the light or dark style. */
typedef enum
{
  TENURE_CHART_COLOR_AUTO,
  TENURE_CHART_COLOR_BLUE,
  TENURE_CHART_COLOR_GREEN,
  TENURE_CHART_COLOR_RED,
  TENURE_CHART_COLOR_YELLOW,
  TENURE_CHART_COLOR_ORANGE,
  TENURE_CHART_COLOR_PURPLE,
  TENURE_CHART_COLOR_BROWN,
  TENURE_CHART_COLOR_NEUTRAL,
} TenureChartColor;

#define TENURE_CHART_N_COLORS (TENURE_CHART_COLOR_NEUTRAL + 1)

#define TENURE_TYPE_CHART_DATA (tenure_chart_data_get_type ())

G_DECLARE_FINAL_TYPE (TenureChartData, tenure_chart_data, TENURE, CHART_DATA, GObject)

TenureChartData  *tenure_chart_data_new               (TenureUnit        unit);
TenureUnit        tenure_chart_data_get_unit          (TenureChartData  *self);
void              tenure_chart_data_set_unit          (TenureChartData  *self,
                                                       TenureUnit        unit);
const char       *tenure_chart_data_get_currency      (TenureChartData  *self);
void              tenure_chart_data_set_currency      (TenureChartData  *self,
                                                       const char       *currency);
double            tenure_chart_data_get_target        (TenureChartData  *self);
const char       *tenure_chart_data_get_target_label  (TenureChartData  *self);
void              tenure_chart_data_set_target        (TenureChartData  *self,
                                                       double            target,
                                                       const char       *label);

guint             tenure_chart_data_add_category      (TenureChartData  *self,
                                                       const char       *label);
void              tenure_chart_data_add_months        (TenureChartData  *self,
                                                       int               first_month,
                                                       guint             n_months,
                                                       TenureLanguage    language);
gboolean          tenure_chart_data_get_months        (TenureChartData  *self);
guint             tenure_chart_data_get_n_categories  (TenureChartData  *self);
const char       *tenure_chart_data_get_category      (TenureChartData  *self,
                                                       guint             category);

guint             tenure_chart_data_add_series        (TenureChartData  *self,
                                                       const char       *name,
                                                       TenureChartColor  color);
guint             tenure_chart_data_get_n_series      (TenureChartData  *self);
const char       *tenure_chart_data_get_series_name   (TenureChartData  *self,
                                                       guint             series);
TenureChartColor  tenure_chart_data_get_series_color  (TenureChartData  *self,
                                                       guint             series);
gboolean          tenure_chart_data_get_series_dashed (TenureChartData  *self,
                                                       guint             series);
void              tenure_chart_data_set_series_dashed (TenureChartData  *self,
                                                       guint             series,
                                                       gboolean          dashed);
gboolean          tenure_chart_data_get_series_flagged (TenureChartData *self,
                                                        guint            series);
void              tenure_chart_data_set_series_flagged (TenureChartData *self,
                                                        guint            series,
                                                        gboolean         flagged);

double            tenure_chart_data_get_value         (TenureChartData  *self,
                                                       guint             series,
                                                       guint             category);
void              tenure_chart_data_set_value         (TenureChartData  *self,
                                                       guint             series,
                                                       guint             category,
                                                       double            value);
void              tenure_chart_data_set_values        (TenureChartData  *self,
                                                       guint             series,
                                                       const double     *values,
                                                       guint             n_values);
const double     *tenure_chart_data_get_values        (TenureChartData  *self,
                                                       guint             series,
                                                       guint            *n_values);
gboolean          tenure_chart_data_is_empty          (TenureChartData  *self);
gboolean          tenure_chart_data_get_range         (TenureChartData  *self,
                                                       double           *min,
                                                       double           *max);
char             *tenure_chart_data_format_value      (TenureChartData  *self,
                                                       double            value,
                                                       TenureFormatFlags flags,
                                                       TenureLanguage    language);

G_END_DECLS
