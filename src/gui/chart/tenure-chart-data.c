/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a chart shows: category labels, series of values (NAN = missing), a unit, a target. */

#define G_LOG_DOMAIN "tenure-chart-data"

#include "config.h"

#include <math.h>

#include "tenure-chart-data.h"
#include "tenure-chart-math.h"

typedef struct
{
  char             *name;
  GArray           *values;
  TenureChartColor  color;
  guint             dashed : 1;
  guint             flagged : 1;
} Series;

struct _TenureChartData
{
  GObject     parent_instance;

  GPtrArray  *categories;
  GPtrArray  *series;
  char       *currency;
  char       *target_label;
  double      target;
  TenureUnit  unit;
  gboolean    months;     /* every category came from tenure_chart_data_add_months() */
};

G_DEFINE_FINAL_TYPE (TenureChartData, tenure_chart_data, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

static void
emit_changed (TenureChartData *self)
{
  g_signal_emit (self, signals [CHANGED], 0);
}

/* Keeps every series as long as the categories, missing values as NAN. */
static void
pad_series (Series *series,
            guint   length)
{
  double missing = NAN;

  while (series->values->len < length)
    g_array_append_val (series->values, missing);
}

static void
tenure_chart_data_finalize (GObject *object)
{
  TenureChartData *self = (TenureChartData *)object;

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->target_label, g_free);

  G_OBJECT_CLASS (tenure_chart_data_parent_class)->finalize (object);
}

static void
tenure_chart_data_class_init (TenureChartDataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tenure_chart_data_finalize;

  /**
   * TenureChartData::changed:
   *
   * Emitted after any change, so that the charts showing the data redraw.
   */
  signals [CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tenure_chart_data_init (TenureChartData *self)
{
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->currency = g_strdup ("EUR");
  self->target = NAN;
}

TenureChartData *
tenure_chart_data_new (TenureUnit unit)
{
  TenureChartData *self = g_object_new (TENURE_TYPE_CHART_DATA, NULL);

  self->unit = unit;
  return self;
}

TenureUnit
tenure_chart_data_get_unit (TenureChartData *self)
{
  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), TENURE_UNIT_COUNT);

  return self->unit;
}

void
tenure_chart_data_set_unit (TenureChartData *self,
                            TenureUnit       unit)
{
  g_return_if_fail (TENURE_IS_CHART_DATA (self));

  self->unit = unit;
  emit_changed (self);
}

const char *
tenure_chart_data_get_currency (TenureChartData *self)
{
  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), "EUR");

  return self->currency;
}

/* An ISO 4217 code ("EUR", "USD", "GBP"…); NULL goes back to EUR. */
void
tenure_chart_data_set_currency (TenureChartData *self,
                                const char      *currency)
{
  g_return_if_fail (TENURE_IS_CHART_DATA (self));

  g_free (self->currency);
  self->currency = g_strdup (currency != NULL ? currency : "EUR");
  emit_changed (self);
}

double
tenure_chart_data_get_target (TenureChartData *self)
{
  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), NAN);

  return self->target;
}

const char *
tenure_chart_data_get_target_label (TenureChartData *self)
{
  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), NULL);

  return self->target_label;
}

/* A horizontal reference line (line and column charts); NAN removes it. */
void
tenure_chart_data_set_target (TenureChartData *self,
                              double           target,
                              const char      *label)
{
  g_return_if_fail (TENURE_IS_CHART_DATA (self));

  self->target = target;
  g_free (self->target_label);
  self->target_label = g_strdup (label);
  emit_changed (self);
}

guint
tenure_chart_data_add_category (TenureChartData *self,
                                const char      *label)
{
  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), 0);
  g_return_val_if_fail (label != NULL, 0);

  g_ptr_array_add (self->categories, g_strdup (label));
  self->months = FALSE;
  for (guint i = 0; i < self->series->len; i++)
    pad_series (g_ptr_array_index (self->series, i), self->categories->len);
  emit_changed (self);

  return self->categories->len - 1;
}

/* Categories for @n_months months from @first_month (a month index, see tenure-date.h),
 * labelled "Oct 2026" or "oct. 2026". */
void
tenure_chart_data_add_months (TenureChartData *self,
                              int              first_month,
                              guint            n_months,
                              TenureLanguage   language)
{
  g_return_if_fail (TENURE_IS_CHART_DATA (self));
  g_return_if_fail (first_month >= 0);

  self->months = self->categories->len == 0 || self->months;
  for (guint i = 0; i < n_months; i++)
    g_ptr_array_add (self->categories, tenure_format_month (first_month + (int) i, language));
  for (guint i = 0; i < self->series->len; i++)
    pad_series (g_ptr_array_index (self->series, i), self->categories->len);
  emit_changed (self);
}

/* Whether the categories are months in order: a label left out on a narrow axis is
 * then obvious from its neighbours; named categories are shortened rather than left out. */
gboolean
tenure_chart_data_get_months (TenureChartData *self)
{
  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), FALSE);

  return self->months;
}

guint
tenure_chart_data_get_n_categories (TenureChartData *self)
{
  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), 0);

  return self->categories->len;
}

const char *
tenure_chart_data_get_category (TenureChartData *self,
                                guint            category)
{
  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), NULL);
  g_return_val_if_fail (category < self->categories->len, NULL);

  return g_ptr_array_index (self->categories, category);
}

guint
tenure_chart_data_add_series (TenureChartData  *self,
                              const char       *name,
                              TenureChartColor  color)
{
  Series *series;

  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name);
  series->values = g_array_new (FALSE, FALSE, sizeof (double));
  series->color = color;
  pad_series (series, self->categories->len);
  g_ptr_array_add (self->series, series);
  emit_changed (self);

  return self->series->len - 1;
}

guint
tenure_chart_data_get_n_series (TenureChartData *self)
{
  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), 0);

  return self->series->len;
}

static Series *
get_series (TenureChartData *self,
            guint            series)
{
  return g_ptr_array_index (self->series, series);
}

const char *
tenure_chart_data_get_series_name (TenureChartData *self,
                                   guint            series)
{
  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);

  return get_series (self, series)->name;
}

TenureChartColor
tenure_chart_data_get_series_color (TenureChartData *self,
                                    guint            series)
{
  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), TENURE_CHART_COLOR_AUTO);
  g_return_val_if_fail (series < self->series->len, TENURE_CHART_COLOR_AUTO);

  return get_series (self, series)->color;
}

gboolean
tenure_chart_data_get_series_dashed (TenureChartData *self,
                                     guint            series)
{
  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), FALSE);
  g_return_val_if_fail (series < self->series->len, FALSE);

  return get_series (self, series)->dashed;
}

/* A dashed line: forecasts, comparisons with last year. */
void
tenure_chart_data_set_series_dashed (TenureChartData *self,
                                     guint            series,
                                     gboolean         dashed)
{
  g_return_if_fail (TENURE_IS_CHART_DATA (self));
  g_return_if_fail (series < self->series->len);

  get_series (self, series)->dashed = !!dashed;
  emit_changed (self);
}

gboolean
tenure_chart_data_get_series_flagged (TenureChartData *self,
                                      guint            series)
{
  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), FALSE);
  g_return_val_if_fail (series < self->series->len, FALSE);

  return get_series (self, series)->flagged;
}

/* A series to read with care: in a heatmap, a cohort of fewer than 10 accounts. */
void
tenure_chart_data_set_series_flagged (TenureChartData *self,
                                      guint            series,
                                      gboolean         flagged)
{
  g_return_if_fail (TENURE_IS_CHART_DATA (self));
  g_return_if_fail (series < self->series->len);

  get_series (self, series)->flagged = !!flagged;
  emit_changed (self);
}

/* NAN when the value is missing. */
double
tenure_chart_data_get_value (TenureChartData *self,
                             guint            series,
                             guint            category)
{
  Series *s;

  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), NAN);
  g_return_val_if_fail (series < self->series->len, NAN);

  s = get_series (self, series);
  if (category >= s->values->len)
    return NAN;

  return g_array_index (s->values, double, category);
}

void
tenure_chart_data_set_value (TenureChartData *self,
                             guint            series,
                             guint            category,
                             double           value)
{
  g_return_if_fail (TENURE_IS_CHART_DATA (self));
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (category < self->categories->len);

  g_array_index (get_series (self, series)->values, double, category) = value;
  emit_changed (self);
}

/* Sets the first @n_values values of @series (at most one per category). */
void
tenure_chart_data_set_values (TenureChartData *self,
                              guint            series,
                              const double    *values,
                              guint            n_values)
{
  Series *s;

  g_return_if_fail (TENURE_IS_CHART_DATA (self));
  g_return_if_fail (series < self->series->len);
  g_return_if_fail (n_values <= self->categories->len);

  s = get_series (self, series);
  for (guint i = 0; i < n_values; i++)
    g_array_index (s->values, double, i) = values[i];
  emit_changed (self);
}

/* One value per category. */
const double *
tenure_chart_data_get_values (TenureChartData *self,
                              guint            series,
                              guint           *n_values)
{
  Series *s;

  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);

  s = get_series (self, series);
  if (n_values != NULL)
    *n_values = s->values->len;

  return (const double *) (gpointer) s->values->data;
}

/* TRUE when there is nothing to draw: no category, or no finite value at all. */
gboolean
tenure_chart_data_is_empty (TenureChartData *self)
{
  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), TRUE);

  return self->categories->len == 0 || !tenure_chart_data_get_range (self, NULL, NULL);
}

/* The range of every finite value of every series (the target is not included). */
gboolean
tenure_chart_data_get_range (TenureChartData *self,
                             double          *min,
                             double          *max)
{
  gboolean found = FALSE;
  double low = 0;
  double high = 0;

  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), FALSE);

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *s = get_series (self, i);
      double series_min, series_max;

      if (!tenure_chart_range ((const double *) (gpointer) s->values->data,
                               s->values->len, &series_min, &series_max))
        continue;

      low = found ? MIN (low, series_min) : series_min;
      high = found ? MAX (high, series_max) : series_max;
      found = TRUE;
    }

  if (min != NULL)
    *min = low;
  if (max != NULL)
    *max = high;

  return found;
}

/* @value in the data's unit and currency; "—" when it is missing. */
char *
tenure_chart_data_format_value (TenureChartData   *self,
                                double             value,
                                TenureFormatFlags  flags,
                                TenureLanguage     language)
{
  g_return_val_if_fail (TENURE_IS_CHART_DATA (self), NULL);

  return tenure_format_value (value, self->unit, self->currency, flags, language);
}
