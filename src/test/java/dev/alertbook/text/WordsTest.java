package dev.alertbook.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void alertNamesAreSearchableFromEveryWordTheyContain() {
        assertThat(Words.ofName("OPNsenseWireGuardPeerOffline")).containsExactly(
                "opnsensewireguardpeeroffline", "nsensewireguardpeeroffline", "wireguardpeeroffline", "guardpeeroffline", "peeroffline", "offline");
        assertThat(Words.ofName("HTTPServerDown")).containsExactly("httpserverdown", "serverdown", "down");
        assertThat(Words.ofName("MysqlTooManyConnections(>80%)"))
                .containsExactly("mysqltoomanyconnections", "80", "toomanyconnections", "manyconnections", "connections");
    }

    @Test
    void termsAreLowerCaseWordsWithoutPunctuation() {
        assertThat(Words.of("Disk 95% full: /var/lib — très plein")).containsExactly(
                "disk", "95", "full", "var", "lib", "très", "plein");
    }
}
