package org.fieldguide.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which hosts and origins the preview answers, without a server. */
class HostPolicyTest {
  private static final URI ROOT = URI.create("/");

  private static HostPolicy policy(String bind, List<String> allowed) throws Exception {
    return HostPolicy.of(bind, InetAddress.getByName(bind), 8000, allowed);
  }

  private static Optional<HostPolicy.Refusal> host(HostPolicy policy, String host) {
    return policy.checkHost(false, ROOT, List.of(host));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost:8000",
        "LocalHost:8000",
        "127.0.0.1:8000",
        "[::1]:8000",
        "[0:0:0:0:0:0:0:1]:8000"
      })
  void theLoopbackNamesWithThePortAreAnswered(String value) throws Exception {
    assertEquals(Optional.empty(), host(policy("127.0.0.1", List.of()), value));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "evil.example",
        "evil.example:8000",
        "localhost:8001",
        "localhost",
        "127.0.0.2:8000",
        "localhost.:8000",
        "127.1:8000",
        "2130706433:8000",
        "localhost.evil.example:8000",
        "[::2]:8000"
      })
  void anyOtherHostIsForbiddenAndTheMessageNamesTheFlag(String value) throws Exception {
    HostPolicy.Refusal refusal = host(policy("127.0.0.1", List.of()), value).orElseThrow();
    assertEquals(403, refusal.status(), value);
    assertTrue(
        refusal
            .message()
            .startsWith("403 Forbidden: fieldguide serve does not answer requests for host \""),
        refusal.message());
    assertTrue(refusal.message().contains("restart serve with --allowed-host "), refusal.message());
    assertFalse(refusal.message().contains("\n"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "evil.example:8000:1",
        "a b:8000",
        "evil.example:99999",
        "user@localhost:8000",
        "[::1",
        "[zz::1]:8000",
        "localhost:80a",
        "exa_mple.com",
        "\u00e9vil.example"
      })
  void aHostThatIsNotAHostIsABadRequestOrNamesNone(String value) throws Exception {
    HostPolicy.Refusal refusal = host(policy("127.0.0.1", List.of()), value).orElseThrow();
    assertEquals(value.isBlank() ? 403 : 400, refusal.status(), value);
  }

  @Test
  void missingHostIsABadRequestInHttp11AndForbiddenInHttp10() throws Exception {
    HostPolicy policy = policy("127.0.0.1", List.of());
    assertEquals(400, policy.checkHost(false, ROOT, null).orElseThrow().status());
    assertEquals(403, policy.checkHost(true, ROOT, null).orElseThrow().status());
    assertEquals(Optional.empty(), policy.checkHost(true, ROOT, List.of("localhost:8000")));
    assertEquals(
        400,
        policy
            .checkHost(false, ROOT, List.of("localhost:8000", "localhost:8000"))
            .orElseThrow()
            .status());
  }

  @Test
  void anAbsoluteTargetIsJudgedByItsOwnHost() throws Exception {
    HostPolicy policy = policy("127.0.0.1", List.of());
    assertEquals(
        403,
        policy
            .checkHost(false, URI.create("http://evil.example:8000/"), List.of("localhost:8000"))
            .orElseThrow()
            .status());
    assertEquals(
        Optional.empty(),
        policy.checkHost(false, URI.create("http://localhost:8000/"), List.of("evil.example")));
    assertEquals(
        400,
        policy
            .checkHost(false, URI.create("ftp://localhost:8000/"), List.of("localhost:8000"))
            .orElseThrow()
            .status());
  }

  @Test
  void allowedHostsMatchAnyPortUnlessTheyNameOne() throws Exception {
    HostPolicy policy =
        policy(
            "127.0.0.1", List.of("laptop.local", "preview.example:443", "192.168.1.20", "fd00::5"));
    assertEquals(Optional.empty(), host(policy, "laptop.local:8000"));
    assertEquals(Optional.empty(), host(policy, "LAPTOP.local"));
    assertEquals(Optional.empty(), host(policy, "preview.example:443"));
    assertEquals(403, host(policy, "preview.example").orElseThrow().status());
    assertEquals(Optional.empty(), host(policy, "192.168.1.20:8000"));
    assertEquals(Optional.empty(), host(policy, "[fd00::5]:8000"));
    assertEquals(403, host(policy, "other.local:8000").orElseThrow().status());
    assertEquals(403, host(policy, "sub.laptop.local:8000").orElseThrow().status());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "http://laptop.local",
        "laptop.local/",
        "*.example",
        "a b",
        "laptop.local:x",
        "[::1"
      })
  void anAllowedHostMustBeAHost(String value) {
    assertTrue(
        HostPolicy.checkAllowedHost(value)
            .orElseThrow()
            .startsWith("--allowed-host takes a host name or address"));
  }

  @Test
  void theBindAddressIsAnswered() throws Exception {
    assertEquals(Optional.empty(), host(policy("127.0.0.2", List.of()), "127.0.0.2:8000"));
    assertEquals(Optional.empty(), host(policy("::1", List.of()), "[::1]:8000"));
    assertEquals(Optional.empty(), host(policy("localhost", List.of()), "localhost:8000"));
  }

  @Test
  void aWildcardBindAnswersThisMachinesAddresses() throws Exception {
    HostPolicy policy = policy("0.0.0.0", List.of());
    assertEquals(Optional.empty(), host(policy, "127.0.0.1:8000"));
    assertEquals(403, host(policy, "evil.example:8000").orElseThrow().status());
    assertEquals(
        403,
        host(policy, "0.0.0.0:8000").orElseThrow().status(),
        "0.0.0.0 is no address of this machine");
  }

  @Test
  void theLiveEndpointsRefuseOtherOrigins() throws Exception {
    HostPolicy policy = policy("127.0.0.1", List.of());
    String host = "localhost:8000";
    assertEquals(Optional.empty(), policy.checkOrigin(host, null, null));
    assertEquals(
        Optional.empty(),
        policy.checkOrigin(host, List.of("http://localhost:8000"), List.of("same-origin")));
    assertEquals(
        Optional.empty(), policy.checkOrigin(host, List.of("https://localhost:8000"), null));
    assertEquals(Optional.empty(), policy.checkOrigin(host, null, List.of("none")));
    for (String origin :
        List.of(
            "http://evil.example",
            "http://localhost:3000",
            "http://127.0.0.1:8000",
            "null",
            "http://localhost:8000.evil.example")) {
      HostPolicy.Refusal refusal = policy.checkOrigin(host, List.of(origin), null).orElseThrow();
      assertEquals(403, refusal.status(), origin);
      assertTrue(
          refusal.message().contains("came from another origin (Origin: " + origin + ")"),
          refusal.message());
    }
    assertEquals(403, policy.checkOrigin(host, null, List.of("cross-site")).orElseThrow().status());
    assertEquals(403, policy.checkOrigin(host, null, List.of("same-site")).orElseThrow().status());
    assertEquals(
        "403 Forbidden: fieldguide serve's live-reload endpoints answer only pages of the preview itself, and"
            + " this request came from another origin (Origin: http://x?y)",
        policy.checkOrigin(host, List.of("http://x\ny"), null).orElseThrow().message());
  }

  @Test
  void listeningBeyondThisMachineIsWarnedAbout() throws Exception {
    assertEquals(
        Optional.empty(),
        HostPolicy.exposureWarning("127.0.0.1", InetAddress.getByName("127.0.0.1"), 8000));
    assertEquals(
        Optional.empty(), HostPolicy.exposureWarning("::1", InetAddress.getByName("::1"), 8000));
    String all =
        HostPolicy.exposureWarning("0.0.0.0", InetAddress.getByName("0.0.0.0"), 8000).orElseThrow();
    assertTrue(
        all.startsWith(
            "fieldguide: warning: --bind 0.0.0.0 makes the preview visible on port 8000 to every"
                + " network this machine is on"),
        all);
    assertTrue(
        all.contains("drafts") && all.contains("build errors") && all.contains("--bind 127.0.0.1"),
        all);
    assertTrue(
        HostPolicy.exposureWarning("192.168.1.20", InetAddress.getByName("192.168.1.20"), 8000)
            .isPresent());
    assertTrue(HostPolicy.exposureWarning("::", InetAddress.getByName("::"), 8000).isPresent());
  }
}
