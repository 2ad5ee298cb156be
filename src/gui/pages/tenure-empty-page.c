/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An honest empty state for the pages whose figures are not available yet. */

#define G_LOG_DOMAIN "tenure-empty-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tenure-empty-page.h"

struct _TenureEmptyPage
{
  TenurePage     parent_instance;

  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (TenureEmptyPage, tenure_empty_page, TENURE_TYPE_PAGE)

static void
tenure_empty_page_dispose (GObject *object)
{
  /* AdwBin unparents its child itself: let it go before the template does. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), TENURE_TYPE_EMPTY_PAGE);

  G_OBJECT_CLASS (tenure_empty_page_parent_class)->dispose (object);
}

static void
tenure_empty_page_class_init (TenureEmptyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tenure_empty_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/tenure-empty-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TenureEmptyPage, status_page);
}

static void
tenure_empty_page_init (TenureEmptyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* @title and @description are already translated. */
void
tenure_empty_page_set_info (TenureEmptyPage *self,
                            const char      *icon_name,
                            const char      *title,
                            const char      *description)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (TENURE_IS_EMPTY_PAGE (self));

  /* The description is Pango markup: "Jobs & activation" needs escaping. */
  markup = g_markup_escape_text (description, -1);
  adw_status_page_set_icon_name (self->status_page, icon_name);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, markup);
}
