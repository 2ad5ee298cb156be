/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The base of every chart: titles, legend, tooltips, keyboard, accessibility and export. */
#pragma once

#include <gtk/gtk.h>

#include "tenure-chart-data.h"
#include "tenure-format.h"

G_BEGIN_DECLS

/* How a page shows a chart:
 *
 *   g_autoptr(TenureChartData) data = tenure_chart_data_new (TENURE_UNIT_MONEY);
 *   guint mrr;
 *
 *   tenure_chart_data_add_months (data, first_month, n_months, TENURE_LANGUAGE_DEFAULT);
 *   mrr = tenure_chart_data_add_series (data, _("MRR"), TENURE_CHART_COLOR_BLUE);
 *   tenure_chart_data_set_values (data, mrr, mrr_cents, n_months);   (NAN = missing)
 *   tenure_chart_data_set_target (data, target_cents, _("Target"));
 *
 *   chart = tenure_line_chart_new ();
 *   tenure_chart_set_title (TENURE_CHART (chart), _("Monthly recurring revenue"));
 *   tenure_chart_set_data (TENURE_CHART (chart), data);
 *
 * Fill the data before handing it over: every change redraws the chart and rewrites
 * its accessible description. */

#define TENURE_TYPE_CHART (tenure_chart_get_type ())
#define TENURE_CHART_ERROR (tenure_chart_error_quark ())

typedef enum
{
  TENURE_CHART_ERROR_EXPORT,
} TenureChartError;

GQuark tenure_chart_error_quark (void);

G_DECLARE_DERIVABLE_TYPE (TenureChart, tenure_chart, TENURE, CHART, GtkWidget)

typedef struct _TenureChartRender TenureChartRender;

struct _TenureChartClass
{
  GtkWidgetClass parent_class;

  /* Draws the whole chart; the default draws title, legend and empty state, then
   * calls draw_plot. Used for the screen, PNG and SVG alike. */
  void   (*draw)         (TenureChart             *self,
                          cairo_t                 *cr,
                          int                      width,
                          int                      height);
  void   (*draw_plot)    (TenureChart             *self,
                          TenureChartRender       *render,
                          const graphene_rect_t   *area);
  /* Plain-language text of the figures, for the accessible description. */
  char  *(*describe)     (TenureChart             *self);
  /* Tooltip text of a category (and series, or -1 for all of them); Pango markup. */
  char  *(*tooltip_text) (TenureChart             *self,
                          int                      category,
                          int                      series);

  gpointer padding[8];
};

TenureChartData *tenure_chart_get_data          (TenureChart      *self);
void             tenure_chart_set_data          (TenureChart      *self,
                                                 TenureChartData  *data);
const char      *tenure_chart_get_title         (TenureChart      *self);
void             tenure_chart_set_title         (TenureChart      *self,
                                                 const char       *title);
const char      *tenure_chart_get_x_title       (TenureChart      *self);
void             tenure_chart_set_x_title       (TenureChart      *self,
                                                 const char       *x_title);
const char      *tenure_chart_get_y_title       (TenureChart      *self);
void             tenure_chart_set_y_title       (TenureChart      *self,
                                                 const char       *y_title);
const char      *tenure_chart_get_empty_text    (TenureChart      *self);
void             tenure_chart_set_empty_text    (TenureChart      *self,
                                                 const char       *empty_text);
gboolean         tenure_chart_get_show_legend   (TenureChart      *self);
void             tenure_chart_set_show_legend   (TenureChart      *self,
                                                 gboolean          show_legend);
gboolean         tenure_chart_get_include_zero  (TenureChart      *self);
void             tenure_chart_set_include_zero  (TenureChart      *self,
                                                 gboolean          include_zero);
TenureLanguage   tenure_chart_get_language      (TenureChart      *self);
void             tenure_chart_set_language      (TenureChart      *self,
                                                 TenureLanguage    language);
int              tenure_chart_get_selected      (TenureChart      *self);
void             tenure_chart_set_selected      (TenureChart      *self,
                                                 int               selected);
char            *tenure_chart_get_description   (TenureChart      *self);

void             tenure_chart_draw              (TenureChart      *self,
                                                 cairo_t          *cr,
                                                 int               width,
                                                 int               height);
GdkTexture      *tenure_chart_render_texture    (TenureChart      *self,
                                                 int               width,
                                                 int               height,
                                                 int               scale);
gboolean         tenure_chart_export_png        (TenureChart      *self,
                                                 const char       *path,
                                                 int               width,
                                                 int               height,
                                                 GError          **error);
gboolean         tenure_chart_export_svg        (TenureChart      *self,
                                                 const char       *path,
                                                 int               width,
                                                 int               height,
                                                 GError          **error);

G_END_DECLS
