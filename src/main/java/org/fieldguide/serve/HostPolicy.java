package org.fieldguide.serve;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which requests the preview answers, by the host they name and, for the live-reload endpoints, the
 * page they come from. It closes DNS rebinding: a web page the author visits can point its own name
 * at 127.0.0.1 and then read, as same-origin, whatever the preview shows (drafts, the error overlay
 * with file paths); such a request still carries the attacker's name in {@code Host}, so it is
 * refused (403).
 *
 * <p>Answered by default: {@code localhost}, {@code 127.0.0.1}, {@code [::1]} and the {@code
 * --bind} address (for a wildcard bind such as {@code 0.0.0.0}, every address of this machine),
 * each with the preview's port; and each {@code --allowed-host} name, with any port unless it gives
 * one (a tunnel or proxy in front of the preview shows its own). Names compare without case; an IP
 * address compares as an address ({@code [0:0:0:0:0:0:0:1]} is {@code [::1]}), so no name is ever
 * looked up.
 *
 * <p>HTTP/1.1 without {@code Host}, with two, or with one that is not a host (and port) is 400, as
 * RFC 9112 section 3.2 requires. HTTP/1.0 without {@code Host} is refused with 403, as
 * webpack-dev-server refuses it (Vite lets it through, since a browser always sends {@code Host}):
 * a request that names no host cannot show it is for this preview, and no client that needs the
 * preview lacks one. A request in absolute form ({@code GET http://host/ HTTP/1.1}) is judged by
 * the host in its target, which RFC 9112 section 3.2.2 puts before {@code Host}.
 *
 * <p>The live endpoints ({@code __fieldguide/events} and {@code __fieldguide/live.js}) also refuse
 * a request from another origin: an {@code Origin} that is not {@code http://} or {@code https://}
 * followed by the request's own host, or a {@code Sec-Fetch-Site} other than {@code same-origin} or
 * {@code none} (which also catches a {@code <script src>} from another site, as Vite's check for
 * cross-origin classic scripts does). Requests with neither header, such as curl's, are
 * same-origin.
 */
final class HostPolicy {
  /** The flag that adds a host, named in every refusal. */
  static final String FLAG = "--allowed-host";

  private static final Pattern NAME =
      Pattern.compile(
          "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
              + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private static final Pattern AUTHORITY =
      Pattern.compile("(\\[[^\\]]*\\]|[^:\\[\\]]*)(?::(\\d{1,5}))?");

  /**
   * A host as a request names it: a lower-case name, or an address; {@code port} is -1 when absent.
   */
  record Host(String name, InetAddress address, int port) {
    /** How the host is written in a URL, without the port: {@code localhost}, {@code [::1]}. */
    String text() {
      if (address == null) {
        return name;
      }
      return address instanceof Inet4Address
          ? address.getHostAddress()
          : "[" + address.getHostAddress() + "]";
    }

    Host withPort(int value) {
      return new Host(name, address, value);
    }

    boolean sameHost(Host other) {
      return address == null ? name.equals(other.name) : address.equals(other.address);
    }

    /** Parses {@code host} or {@code host:port}; empty if it is not one. */
    static Optional<Host> parse(String authority) {
      Matcher m = AUTHORITY.matcher(authority);
      if (!m.matches()) {
        return Optional.empty();
      }
      int port = -1;
      if (m.group(2) != null) {
        port = Integer.parseInt(m.group(2));
        if (port > 65_535) {
          return Optional.empty();
        }
      }
      String host = m.group(1);
      if (host.startsWith("[")) {
        String inner = host.substring(1, host.length() - 1);
        if (!IPV6.matcher(inner).matches() || !inner.contains(":")) {
          return Optional.empty();
        }
        int p = port;
        return literal(inner).map(a -> new Host(null, a, p));
      }
      Matcher v4 = IPV4.matcher(host);
      if (v4.matches()) {
        for (int i = 1; i <= 4; i++) {
          if (Integer.parseInt(v4.group(i)) > 255) {
            return Optional.empty();
          }
        }
        int p = port;
        return literal(host).map(a -> new Host(null, a, p));
      }
      if (host.length() > 253 || !NAME.matcher(host).matches()) {
        return Optional.empty();
      }
      return Optional.of(new Host(host.toLowerCase(Locale.ROOT), null, port));
    }

    /**
     * An IP literal, already checked to hold only address characters, so no name lookup happens.
     */
    private static Optional<InetAddress> literal(String text) {
      try {
        return Optional.of(InetAddress.getByName(text));
      } catch (UnknownHostException e) {
        return Optional.empty();
      }
    }
  }

  /** A refusal: the status and the one-line plain-text explanation. */
  record Refusal(int status, String message) {}

  private final int port;
  private final List<Host> fixed;
  private final List<Host> extra;

  private HostPolicy(int port, List<Host> fixed, List<Host> extra) {
    this.port = port;
    this.fixed = fixed;
    this.extra = extra;
  }

  /**
   * The policy for a preview bound to {@code bound} (as {@code bind} was written) on {@code port},
   * with the {@code --allowed-host} values {@code allowed} (each checked by {@link
   * #checkAllowedHost}).
   */
  static HostPolicy of(String bind, InetAddress bound, int port, List<String> allowed) {
    Set<Host> fixed = new LinkedHashSet<>();
    fixed.add(new Host("localhost", null, port));
    fixed.add(Host.parse("127.0.0.1").orElseThrow().withPort(port));
    fixed.add(Host.parse("[::1]").orElseThrow().withPort(port));
    if (bound.isAnyLocalAddress()) {
      for (InetAddress a : localAddresses()) {
        fixed.add(new Host(null, a, port));
      }
    } else {
      fixed.add(new Host(null, bound, port));
      Host.parse(bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind)
          .filter(h -> h.address() == null)
          .ifPresent(h -> fixed.add(h.withPort(port)));
    }
    List<Host> extra = new ArrayList<>();
    for (String value : allowed) {
      extra.add(
          parseAllowedHost(value)
              .orElseThrow(() -> new IllegalArgumentException(checkAllowedHost(value).orElse(""))));
    }
    return new HostPolicy(port, List.copyOf(fixed), List.copyOf(extra));
  }

  /** Every address of this machine's network interfaces (for a wildcard bind). */
  private static List<InetAddress> localAddresses() {
    List<InetAddress> out = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        out.addAll(Collections.list(nic.getInetAddresses()));
      }
    } catch (SocketException e) {
      // none then: localhost and the loopback addresses are still answered
    }
    return out;
  }

  private static Optional<Host> parseAllowedHost(String value) {
    String v = value == null ? "" : value.strip();
    if (v.contains(":") && !v.startsWith("[") && v.indexOf(':') != v.lastIndexOf(':')) {
      v = "[" + v + "]"; // a bare IPv6 address
    }
    return Host.parse(v);
  }

  /**
   * Empty when {@code value} can be given to {@code --allowed-host}, else the message for the user.
   */
  static Optional<String> checkAllowedHost(String value) {
    if (parseAllowedHost(value).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        FLAG
            + " takes a host name or address, with a port if only that port is meant,"
            + " such as laptop.local, 192.168.1.20 or preview.example:443, not '"
            + value
            + "'");
  }

  /**
   * Whether a request may be answered: {@code http10} for HTTP/1.0, {@code target} the request's
   * target, {@code hosts} its {@code Host} header values. Empty when allowed.
   */
  Optional<Refusal> checkHost(boolean http10, URI target, List<String> hosts) {
    String authority;
    if (target.getRawAuthority() != null) {
      if (!"http".equalsIgnoreCase(target.getScheme())) {
        return Optional.of(
            new Refusal(400, "400 Bad Request: the preview answers http:// addresses only"));
      }
      authority = target.getRawAuthority();
    } else if (hosts == null || hosts.isEmpty()) {
      return Optional.of(
          http10
              ? new Refusal(
                  403,
                  "403 Forbidden: this request names no host (it has no Host header), so fieldguide serve"
                      + " cannot tell it is meant for this preview; send Host: localhost:"
                      + port)
              : new Refusal(400, "400 Bad Request: an HTTP/1.1 request must have a Host header"));
    } else if (hosts.size() > 1) {
      return Optional.of(
          new Refusal(400, "400 Bad Request: the request has more than one Host header"));
    } else {
      authority = hosts.get(0).strip();
    }
    if (authority.isEmpty()) {
      return Optional.of(
          new Refusal(
              403,
              "403 Forbidden: this request names no host (its Host header is empty);"
                  + " send Host: localhost:"
                  + port));
    }
    Optional<Host> parsed = Host.parse(authority);
    if (parsed.isEmpty()) {
      return Optional.of(
          new Refusal(
              400,
              "400 Bad Request: the Host header is not a host name or address with an"
                  + " optional port"));
    }
    Host host = parsed.get();
    if (allows(host)) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            403,
            "403 Forbidden: fieldguide serve does not answer requests for host "
                + display(host)
                + " (it answers localhost:"
                + port
                + ", 127.0.0.1:"
                + port
                + " and [::1]:"
                + port
                + "); if you opened the preview by that name, restart serve with "
                + FLAG
                + " "
                + host.text()));
  }

  boolean allows(Host host) {
    int p = host.port() < 0 ? 80 : host.port();
    for (Host h : fixed) {
      if (h.sameHost(host) && p == port) {
        return true;
      }
    }
    for (Host h : extra) {
      if (h.sameHost(host) && (h.port() < 0 || h.port() == p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * For the live endpoints: empty when the request comes from a page of this preview (or from no
   * page at all, as curl's does). {@code host} is the request's host as {@link #checkHost} accepted
   * it.
   */
  Optional<Refusal> checkOrigin(String host, List<String> origins, List<String> fetchSites) {
    String site =
        fetchSites == null || fetchSites.isEmpty()
            ? null
            : fetchSites.get(0).strip().toLowerCase(Locale.ROOT);
    boolean crossSite = site != null && !site.equals("same-origin") && !site.equals("none");
    boolean foreignOrigin = false;
    if (origins != null && !origins.isEmpty()) {
      String origin = origins.get(0).strip();
      foreignOrigin =
          origins.size() > 1
              || host == null
              || !(origin.equalsIgnoreCase("http://" + host)
                  || origin.equalsIgnoreCase("https://" + host));
    }
    if (!crossSite && !foreignOrigin) {
      return Optional.empty();
    }
    return Optional.of(
        new Refusal(
            403,
            "403 Forbidden: fieldguide serve's live-reload endpoints answer only pages of"
                + " the preview itself, and this request came from another origin"
                + (foreignOrigin
                    ? " (Origin: " + printable(origins.get(0)) + ")"
                    : " (Sec-Fetch-Site: " + printable(site) + ")")));
  }

  /**
   * The warning to print when the preview listens on more than this machine ({@code 0.0.0.0},
   * {@code ::} or an address that is not loopback), else empty.
   */
  static Optional<String> exposureWarning(String bind, InetAddress bound, int port) {
    if (bound.isLoopbackAddress()) {
      return Optional.empty();
    }
    String where =
        bound.isAnyLocalAddress()
            ? "every network this machine is on"
            : "the network " + bind + " is on";
    return Optional.of(
        "fieldguide: warning: --bind "
            + bind
            + " makes the preview visible on port "
            + port
            + " to "
            + where
            + ": the site, its drafts when --drafts is on, and the build errors with file"
            + " paths and source lines; anyone who can reach this machine can read them. Use --bind 127.0.0.1"
            + " (the default) to keep the preview on this machine.");
  }

  /**
   * The host, quoted, for a message: only ever a parsed name or address, so it holds no control
   * character.
   */
  private static String display(Host host) {
    String text = host.text() + (host.port() < 0 ? "" : ":" + host.port());
    return "\"" + text + "\"";
  }

  /** {@code text} with anything but printable ASCII replaced, and cut to 100 characters. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && out.length() < 100; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return out.toString();
  }
}
