/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Thirteen months of recurring revenue: its level, its movements, retention and a table. */

#define G_LOG_DOMAIN "tenure-revenue-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-column-chart.h"
#include "tenure-dashboard.h"
#include "tenure-line-chart.h"
#include "tenure-revenue-page.h"

struct _TenureRevenuePage
{
  TenurePage     parent_instance;

  GtkStack      *stack;
  AdwStatusPage *error_page;
  GtkWidget     *mrr_chart;
  GtkWidget     *movements_chart;
  GtkWidget     *retention_chart;
  GtkGrid       *table;
  GtkGrid       *retention_table;
};

G_DEFINE_FINAL_TYPE (TenureRevenuePage, tenure_revenue_page, TENURE_TYPE_PAGE)

enum {
  COLUMN_MONTH,
  COLUMN_MRR,
  COLUMN_NEW,
  COLUMN_REACTIVATION,
  COLUMN_EXPANSION,
  COLUMN_CONTRACTION,
  COLUMN_CHURN,
  COLUMN_NRR,
  COLUMN_GRR,
  COLUMN_LOGO_CHURN,
  N_COLUMNS
};

static const struct
{
  const char *title;
  const char *explanation;
} columns[N_COLUMNS] = {
  { N_("Month"), NULL },
  { N_("MRR"), N_("Monthly recurring revenue at the end of the month") },
  { N_("New"), N_("Revenue of customers paying for the first time") },
  { N_("Reactivation"), N_("Revenue of former customers who came back") },
  { N_("Expansion"), N_("Revenue added by customers who pay more than last month") },
  { N_("Contraction"), N_("Revenue lost by customers who pay less than last month") },
  { N_("Churn"), N_("Revenue lost by customers who stopped paying") },
  { N_("NRR"), N_("Net revenue retention: revenue kept from last month’s customers, "
                  "upgrades and downgrades included") },
  /* xgettext:no-c-format */
  { N_("GRR"), N_("Gross revenue retention: revenue kept from last month’s customers, "
                  "upgrades left out; at most 100 %") },
  { N_("Lost"), N_("Logo churn: the share of last month’s customers who left") },
};

static void
fill_mrr_chart (TenureRevenuePage     *self,
                const TenureDashboard *dashboard)
{
  const TenureMetricsSeries *series = dashboard->metrics->series;
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_MONEY);
  g_autofree double *values = g_new0 (double, MAX (series->n_months, 1));
  guint mrr;

  tenure_chart_data_set_currency (data, dashboard->metrics->currency);
  tenure_chart_data_add_months (data, series->first_month, series->n_months,
                                TENURE_LANGUAGE_DEFAULT);
  mrr = tenure_chart_data_add_series (data, _("MRR"), TENURE_CHART_COLOR_BLUE);
  for (guint i = 0; i < series->n_months; i++)
    values[i] = (double) series->months[i].mrr_cents;
  tenure_chart_data_set_values (data, mrr, values, series->n_months);
  if (dashboard->target_mrr_cents != TENURE_CENTS_NULL)
    tenure_chart_data_set_target (data, (double) dashboard->target_mrr_cents, _("Target"));

  tenure_chart_set_data (TENURE_CHART (self->mrr_chart), data);
}

static void
fill_movements_chart (TenureRevenuePage     *self,
                      const TenureDashboard *dashboard)
{
  const TenureMetricsSeries *series = dashboard->metrics->series;
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_MONEY);
  static const struct { const char *name; TenureChartColor color; } movements[] = {
    { N_("New"), TENURE_CHART_COLOR_GREEN },
    { N_("Reactivation"), TENURE_CHART_COLOR_BLUE },
    { N_("Expansion"), TENURE_CHART_COLOR_PURPLE },
    { N_("Contraction"), TENURE_CHART_COLOR_ORANGE },
    { N_("Churn"), TENURE_CHART_COLOR_RED },
  };

  tenure_chart_data_set_currency (data, dashboard->metrics->currency);
  tenure_chart_data_add_months (data, series->first_month, series->n_months,
                                TENURE_LANGUAGE_DEFAULT);
  for (guint m = 0; m < G_N_ELEMENTS (movements); m++)
    tenure_chart_data_add_series (data, _(movements[m].name), movements[m].color);
  for (guint i = 0; i < series->n_months; i++)
    {
      const TenureMonthFigures *month = &series->months[i];

      tenure_chart_data_set_value (data, 0, i, (double) month->new_cents);
      tenure_chart_data_set_value (data, 1, i, (double) month->reactivation_cents);
      tenure_chart_data_set_value (data, 2, i, (double) month->expansion_cents);
      tenure_chart_data_set_value (data, 3, i, (double) month->contraction_cents);
      tenure_chart_data_set_value (data, 4, i, (double) month->churn_cents);
    }

  tenure_chart_set_data (TENURE_CHART (self->movements_chart), data);
}

static void
fill_retention_chart (TenureRevenuePage     *self,
                      const TenureDashboard *dashboard)
{
  const TenureMetricsSeries *series = dashboard->metrics->series;
  g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_PERCENT);

  tenure_chart_data_add_months (data, series->first_month, series->n_months,
                                TENURE_LANGUAGE_DEFAULT);
  tenure_chart_data_add_series (data, _("Net retention (NRR)"), TENURE_CHART_COLOR_GREEN);
  tenure_chart_data_add_series (data, _("Gross retention (GRR)"), TENURE_CHART_COLOR_BLUE);
  for (guint i = 0; i < series->n_months; i++)
    {
      tenure_chart_data_set_value (data, 0, i, series->months[i].nrr_pct);
      tenure_chart_data_set_value (data, 1, i, series->months[i].grr_pct);
    }

  tenure_chart_set_data (TENURE_CHART (self->retention_chart), data);
}

static GtkWidget *
table_label (const char *text,
             gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");

  return label;
}

/* Money in a cell: whole units below 1,000, else compact ("€12.3k"). */
static char *
format_cell_money (gint64             cents,
                   const char        *currency,
                   TenureFormatFlags  flags)
{
  if (cents == 0 && (flags & TENURE_FORMAT_SIGN) != 0)
    return g_strdup ("0");
  if (ABS (cents) < 100000)
    return tenure_format_money (cents, currency, flags, TENURE_LANGUAGE_DEFAULT);

  return tenure_format_money_compact ((double) cents, currency, 1, flags,
                                      TENURE_LANGUAGE_DEFAULT);
}

/* Where a column goes: the movements table (month, new … churn), or the MRR and
 * retention table (month, MRR, NRR, GRR, lost), which sits beside it on a wide window
 * and under it on a narrow one. */
static GtkGrid *
column_grid (TenureRevenuePage *self,
             guint              column,
             int               *position)
{
  if (column >= COLUMN_NEW && column <= COLUMN_CHURN)
    {
      *position = (int) (column - COLUMN_NEW + 1);
      return self->table;
    }

  *position = column == COLUMN_MONTH ? 0 : column == COLUMN_MRR ? 1
                                         : (int) (column - COLUMN_NRR + 2);
  return self->retention_table;
}

/* Sets the text (and tooltip) of a cell, creating its label the first time: a month
 * change then only rewrites the labels. */
static void
set_cell (TenureRevenuePage *self,
          guint              column,
          guint              row,
          const char        *text,
          const char        *tooltip)
{
  int position;
  GtkGrid *grid = column_grid (self, column, &position);
  GtkWidget *label = gtk_grid_get_child_at (grid, position, (int) row);

  if (label == NULL)
    {
      label = table_label (text, column != COLUMN_MONTH);
      if (row == 0)
        gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (grid, label, position, (int) row, 1, 1);
    }
  else
    gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, tooltip);

  /* Both tables start with the month. */
  if (column == COLUMN_MONTH && grid != self->table)
    {
      label = gtk_grid_get_child_at (self->table, 0, (int) row);
      if (label == NULL)
        {
          label = table_label (text, FALSE);
          if (row == 0)
            gtk_widget_add_css_class (label, "caption-heading");
          gtk_grid_attach (self->table, label, 0, (int) row, 1, 1);
        }
      else
        gtk_label_set_text (GTK_LABEL (label), text);
    }
}

static void
fill_table (TenureRevenuePage     *self,
            const TenureDashboard *dashboard)
{
  const TenureMetrics *metrics = dashboard->metrics;
  const TenureMetricsSeries *series = metrics->series;

  for (guint c = 0; c < N_COLUMNS; c++)
    set_cell (self, c, 0, _(columns[c].title),
              columns[c].explanation != NULL ? _(columns[c].explanation) : NULL);

  /* The latest month first, as a manager reads a statement. */
  for (guint r = 0; r < series->n_months; r++)
    {
      const TenureMonthFigures *month = &series->months[series->n_months - 1 - r];
      const gint64 money[] = {
        month->mrr_cents, month->new_cents, month->reactivation_cents,
        month->expansion_cents, month->contraction_cents, month->churn_cents,
      };
      const double percents[] = { month->nrr_pct, month->grr_pct, month->logo_churn_pct };
      g_autofree char *name = tenure_format_month (month->month, TENURE_LANGUAGE_DEFAULT);

      set_cell (self, COLUMN_MONTH, r + 1, name, NULL);
      for (guint m = 0; m < G_N_ELEMENTS (money); m++)
        {
          TenureFormatFlags flags = m == 0 ? TENURE_FORMAT_NONE : TENURE_FORMAT_SIGN;
          g_autofree char *text = format_cell_money (money[m], metrics->currency, flags);
          g_autofree char *exact = tenure_format_money (money[m], metrics->currency,
                                                        flags | TENURE_FORMAT_CENTS,
                                                        TENURE_LANGUAGE_DEFAULT);

          set_cell (self, COLUMN_MRR + m, r + 1, text, exact);
        }
      for (guint p = 0; p < G_N_ELEMENTS (percents); p++)
        {
          g_autofree char *text = tenure_dashboard_format_percent (percents[p],
                                                                   TENURE_FORMAT_NONE);

          set_cell (self, COLUMN_NRR + p, r + 1, text,
                    tenure_metrics_is_null (percents[p]) ? _("No customers the month before")
                                                         : NULL);
        }
    }
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(TenureRevenuePage) self = user_data;
  g_autoptr(TenureDashboard) dashboard = NULL;

  dashboard = tenure_dashboard_page_finish (TENURE_PAGE (self), result, self->stack,
                                            self->error_page);
  if (dashboard == NULL)
    return;

  fill_mrr_chart (self, dashboard);
  fill_movements_chart (self, dashboard);
  fill_retention_chart (self, dashboard);
  fill_table (self, dashboard);

  tenure_dashboard_page_show (TENURE_PAGE (self), result, self->stack);
}

static void
tenure_revenue_page_reload (TenurePage *page)
{
  tenure_dashboard_page_reload (page, TENURE_REVENUE_PAGE (page)->stack, FALSE, load_cb);
}

static void
tenure_revenue_page_class_init (TenureRevenuePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  tenure_dashboard_page_class_init (TENURE_PAGE_CLASS (klass),
                                    RESOURCE_PREFIX "/ui/tenure-revenue-page.ui",
                                    tenure_revenue_page_reload);

  g_type_ensure (TENURE_TYPE_COLUMN_CHART);
  g_type_ensure (TENURE_TYPE_LINE_CHART);

  gtk_widget_class_bind_template_child (widget_class, TenureRevenuePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TenureRevenuePage, movements_chart);
  gtk_widget_class_bind_template_child (widget_class, TenureRevenuePage, mrr_chart);
  gtk_widget_class_bind_template_child (widget_class, TenureRevenuePage, retention_chart);
  gtk_widget_class_bind_template_child (widget_class, TenureRevenuePage, stack);
  gtk_widget_class_bind_template_child (widget_class, TenureRevenuePage, retention_table);
  gtk_widget_class_bind_template_child (widget_class, TenureRevenuePage, table);
}

static void
tenure_revenue_page_init (TenureRevenuePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  tenure_chart_set_title (TENURE_CHART (self->mrr_chart), _("Monthly recurring revenue"));
  tenure_chart_set_y_title (TENURE_CHART (self->mrr_chart), _("MRR"));
  tenure_chart_set_title (TENURE_CHART (self->movements_chart),
                          _("Revenue won and lost each month"));
  tenure_column_chart_set_stacked (TENURE_COLUMN_CHART (self->movements_chart), TRUE);
  tenure_chart_set_title (TENURE_CHART (self->retention_chart),
                          _("Revenue kept from last month’s customers"));
  tenure_chart_set_y_title (TENURE_CHART (self->retention_chart), _("Retention"));
  /* Retention moves by a few points around 100 %: from zero, the lines would be flat. */
  tenure_chart_set_include_zero (TENURE_CHART (self->retention_chart), FALSE);
}

GtkWidget *
tenure_revenue_page_get_mrr_chart (TenureRevenuePage *self)
{
  g_return_val_if_fail (TENURE_IS_REVENUE_PAGE (self), NULL);

  return self->mrr_chart;
}

GtkWidget *
tenure_revenue_page_get_movements_chart (TenureRevenuePage *self)
{
  g_return_val_if_fail (TENURE_IS_REVENUE_PAGE (self), NULL);

  return self->movements_chart;
}

GtkWidget *
tenure_revenue_page_get_retention_chart (TenureRevenuePage *self)
{
  g_return_val_if_fail (TENURE_IS_REVENUE_PAGE (self), NULL);

  return self->retention_chart;
}

/* The text of a cell of the tables, by column (month, MRR, new, reactivation, expansion,
 * contraction, churn, NRR, GRR, logo churn): row 0 holds the titles, row 1 the selected
 * month, row 2 the month before, and so on; NULL past the table. */
const char *
tenure_revenue_page_get_cell (TenureRevenuePage *self,
                              guint              row,
                              guint              column)
{
  GtkWidget *child;
  GtkGrid *grid;
  int position;

  g_return_val_if_fail (TENURE_IS_REVENUE_PAGE (self), NULL);
  g_return_val_if_fail (column < N_COLUMNS, NULL);

  grid = column_grid (self, column, &position);
  child = gtk_grid_get_child_at (grid, position, (int) row);
  return child != NULL ? gtk_label_get_text (GTK_LABEL (child)) : NULL;
}
