/**
 * The persistent cache of whole runs in a repository's {@code .alertbook/cache/}: the fingerprint
 * of everything a run reads, and what the run printed and wrote. Uses {@code files} and the JDK;
 * the command line uses it.
 */
package dev.alertbook.cache;
