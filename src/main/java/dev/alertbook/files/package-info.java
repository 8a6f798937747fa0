/**
 * Operations on whole folders of files (deleting one, linking one elsewhere), shared by the site
 * writer and the run cache. Uses only the JDK; every package may use it.
 */
package dev.alertbook.files;
