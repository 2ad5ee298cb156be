/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts as pictures: PNG and SVG files, a texture on the clipboard, the "Save Image" dialog. */

#define G_LOG_DOMAIN "tenure-chart"

#include "config.h"

#include <adwaita.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "tenure-chart-private.h"
#include "tenure-file.h"

/* Smallest picture worth exporting, for charts shown very small on screen. */
#define EXPORT_MIN_WIDTH 640
#define EXPORT_MIN_HEIGHT 400

G_DEFINE_QUARK (tenure-chart-error-quark, tenure_chart_error)

void tenure_chart_copy_image_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter);
void tenure_chart_save_image_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter);

/* Exports have an opaque background, the window's, so they read well anywhere. */
static void
draw_with_background (TenureChart *self,
                      cairo_t     *cr,
                      int          width,
                      int          height)
{
  TenureChartPalette palette;

  tenure_chart_palette_init (self, &palette);
  gdk_cairo_set_source_rgba (cr, &palette.background);
  cairo_paint (cr);
  tenure_chart_draw (self, cr, width, height);
}

static gboolean
check_cairo (cairo_status_t   status,
             const char      *path,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, TENURE_CHART_ERROR, TENURE_CHART_ERROR_EXPORT,
               /* Translators: the file name, then the reason. */
               _("Could not save the image “%s”: %s"),
               path, cairo_status_to_string (status));
  return FALSE;
}

/* Images are written to ".NAME.XXXXXX" next to @path and renamed once complete, so a
 * failed export never leaves half a file under the name the user chose. */
static char *
create_temporary (const char  *path,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *temporary = tenure_file_create_temporary (path, &local_error);

  if (temporary == NULL)
    g_set_error (error, TENURE_CHART_ERROR, TENURE_CHART_ERROR_EXPORT,
                 _("Could not save the image “%s”: %s"), path, local_error->message);

  return temporary;
}

static gboolean
finish_temporary (const char      *temporary,
                  const char      *path,
                  cairo_status_t   status,
                  GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!check_cairo (status, path, error))
    {
      tenure_file_discard_temporary (temporary);
      return FALSE;
    }

  if (!tenure_file_commit_temporary (temporary, path, &local_error))
    {
      g_set_error (error, TENURE_CHART_ERROR, TENURE_CHART_ERROR_EXPORT,
                   _("Could not save the image “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
export_png (TenureChart  *self,
            const char   *path,
            int           width,
            int           height,
            int           scale,
            GError      **error)
{
  g_autofree char *temporary = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  temporary = create_temporary (path, error);
  if (temporary == NULL)
    return FALSE;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  draw_with_background (self, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png (surface, temporary);
  cairo_surface_destroy (surface);

  return finish_temporary (temporary, path, status, error);
}

/* A @width × @height picture at @scale pixels per point, e.g. for the clipboard. */
GdkTexture *
tenure_chart_render_texture (TenureChart *self,
                             int          width,
                             int          height,
                             int          scale)
{
  cairo_surface_t *surface;
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
  cairo_t *cr;
  int stride;

  g_return_val_if_fail (TENURE_IS_CHART (self), NULL);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, NULL);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  draw_with_background (self, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* Cairo's ARGB32 is GDK's default memory format (premultiplied, native order). */
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) stride * (gsize) (height * scale));
  texture = gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT,
                                    bytes, (gsize) stride);
  cairo_surface_destroy (surface);

  return texture;
}

gboolean
tenure_chart_export_png (TenureChart  *self,
                         const char   *path,
                         int           width,
                         int           height,
                         GError      **error)
{
  g_return_val_if_fail (TENURE_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_png (self, path, width, height, 1, error);
}

gboolean
tenure_chart_export_svg (TenureChart  *self,
                         const char   *path,
                         int           width,
                         int           height,
                         GError      **error)
{
  g_autofree char *temporary = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (TENURE_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  temporary = create_temporary (path, error);
  if (temporary == NULL)
    return FALSE;

  surface = cairo_svg_surface_create (temporary, width, height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  draw_with_background (self, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return finish_temporary (temporary, path, status, error);
}

static void
export_size (GtkWidget *widget,
             int       *width,
             int       *height)
{
  *width = MAX (gtk_widget_get_width (widget), EXPORT_MIN_WIDTH);
  *height = MAX (gtk_widget_get_height (widget), EXPORT_MIN_HEIGHT);
}

void
tenure_chart_copy_image_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  export_size (widget, &width, &height);
  texture = tenure_chart_render_texture (TENURE_CHART (widget), width, height, 2);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
}

static void
show_error (GtkWidget    *widget,
            const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Image Not Saved"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_response_cb (GtkNativeDialog *native,
                  int              response,
                  TenureChart     *self)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);
  GtkFileFilter *svg_filter = g_object_get_data (G_OBJECT (native), "svg-filter");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  gboolean svg;
  int width, height;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (chooser);
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    goto out;

  svg = g_str_has_suffix (path, ".svg") ||
        (!g_str_has_suffix (path, ".png") && gtk_file_chooser_get_filter (chooser) == svg_filter);
  if (!g_str_has_suffix (path, ".svg") && !g_str_has_suffix (path, ".png"))
    {
      char *with_suffix = g_strconcat (path, svg ? ".svg" : ".png", NULL);

      g_free (path);
      path = with_suffix;
    }

  export_size (GTK_WIDGET (self), &width, &height);
  if (svg ? !tenure_chart_export_svg (self, path, width, height, &error)
          : !export_png (self, path, width, height, 2, &error))
    show_error (GTK_WIDGET (self), error);

out:
  g_object_unref (native);
  g_object_unref (self);
}

/* A file name from the chart's title: "Monthly recurring revenue.png". */
static char *
suggested_name (TenureChart *self)
{
  const char *title = tenure_chart_get_title (self);
  g_autofree char *base = g_strdup (title != NULL ? title : C_("chart", "Chart"));

  g_strdelimit (base, "/\\:", '-');
  return g_strconcat (base, ".png", NULL);
}

void
tenure_chart_save_image_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  GtkFileFilter *png_filter;
  GtkFileFilter *svg_filter;
  g_autofree char *name = suggested_name (TENURE_CHART (widget));

  native = gtk_file_chooser_native_new (_("Save Image"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  png_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (png_filter, _("PNG Image"));
  gtk_file_filter_add_mime_type (png_filter, "image/png");
  gtk_file_filter_add_suffix (png_filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), png_filter);

  svg_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (svg_filter, _("SVG Image"));
  gtk_file_filter_add_mime_type (svg_filter, "image/svg+xml");
  gtk_file_filter_add_suffix (svg_filter, "svg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), svg_filter);
  g_object_set_data_full (G_OBJECT (native), "svg-filter", svg_filter, g_object_unref);
  g_object_unref (png_filter);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), png_filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
