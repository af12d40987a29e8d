package dev.preflyte.runtime.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.preflyte.idl.core.Literal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The offloaded literal's hash is flytekit's. The expected values were computed from these literals'
 * bytes by Python's protobuf 4.21 {@code json_format.MessageToDict}, {@code json.dumps(...,
 * sort_keys=True, separators=(",", ":"))}, SHA-256 and base64, the steps of flytekit's {@code
 * flytekit/utils/pbhash.py}, with the literals' descriptors loaded from this project's protos.
 */
class ProtobufJsonHashTest {

  private static final List<String> FLYTEKIT_HASHES = List.of(
      "cwIrMFjskRIqsjCnl11lv1QSVEpGmho84PAlVQOjI3s=",
      "nPFRT5p7/FDPVoqeE9JlAoRPmICaz09C7j/DyqzyeLk=",
      "5vxDqL9qmyz7MEleIRkAe7pffZ1fr3YjgGIC1yPVz4k=",
      "zPa7ufcGPRCiaI0rR+R4fh1bogFQWi02kQx41rYPLAs=",
      "9DORF/cQgpgzBjovl5GmfcM8Nt3GG9QmtuzQFrBShDk=",
      "tkvxE5rqp53EU7vqHpK3idCjZTMhKwIHgVj1oTqGY+k=",
      "2Uig6Zx0m3ZlfUoTeGculEYtRDvnvdC3I3JigcnkNRU=",
      "gmYCEE7LGlfPC1Dxe2pp4Wh1wN0/KBNVQOqJ3KNkOG0=",
      "kiywjSnZytRl9KyLlv4zPIGv0xX2nsxDCcUPNE1L104=",
      "lIqCy6DqXiuKYDYCMzwkXlQ8llZcBtWdIdGzA82wNVA=",
      "FYP5QGvlPwB+TI8pKxxha6R9rFT2x9xbypjVt1iyHxg=",
      "w8raxeGbdEVhV41vXinH1+SpzESvcX6YTINfu79Il+w=",
      "7OxOhXxxJia+SVI9Hq18Ee7k56EyrJEV/oL2673FqW0=",
      "Lgk/JFVZcoxcpbLeOOmn2/L4eKfavFuqEAFGSBZ/Gao=",
      "nfHBAHauulMm0NFXEhqFz0/Kr9sb73qUKr+LxTPBnTw=",
      "IHqG9AFYQ7ztfvyMtuAtSlTyOGwgdnBpeNYHUQrYjec=",
      "XT2ZPCEaN29fj7/w89YicK4aj4xj9daRnRJnBro531Y=",
      "V5YEWk+5zY/4/iB8KCaLsArafVsNjQlM8QmHgGa2krU=",
      "I2gLkSIi6ESdhQFx5JLAzkqgor73Ej7nAeUMoce5P2g=",
      "PUUYDy/f/iYknGbvdEGNv2YnFAUYhsxD31ASzwTsyXU=",
      "XOWSFFbPa+9b4fSGiCg4pOFDVkbN9nLraP8ZelHURck=",
      "KqrS+zZTW+biwUDuqO7CsrmBV7XPIOCifzVVYh+ggE0=",
      "M4mX6FQxTeEBOSUNVuj67p6Tpc88jxjPE48sPQg1iI8=",
      "Zgn62b7nreaMbX1TRNblTXd3MknO3Phzx6LH6rneZeE=",
      "rwPcLljxLtWrEcN17oF7AJvb3i9kjgYmcgGjRha+bQg=",
      "fQyZ4XnGSWSn7SsQlWiA9vUMbVBvKo+SjPx9hWcWtdI=",
      "1hBNeD4nCE9PrCFIG4EZX5jejQgABUxmU7ljBE+5Ehw=",
      "BnjIDkIH0Jcg/Iei4t7gqJ9PbmiRdYo1d/RdqbeJ0Yc=",
      "nuNfwPJHb3rYJgcL0YLTGIyOUPMacTelFai/P3q6Ij8=",
      "EfmMdetKt4hbFYfDeKy1ShxUf/L5RhtRUXxX93jI+5Y=",
      "RTegCg8RWMsdpiDv2U2tTkhm31SjlcFj7C1kHaogW7Y=",
      "lr6FzbYUUfSyCVN6FmGwlAqWuh3OlW1WSaVFlUZgBiw=",
      "EmZorDSO3MVLCm9+mD5jkNxqcqglr2+cfbRblYCmgF8=",
      "TfpXBeZ5mglrdk1gyhBwaFTPcawG8E+IGEIVrxtqfGA=",
      "RSSyqKIThDpIQ2bZCmHKZkiFOCucqwTmEjbl0WpTndw=",
      "HDVe1y+FZc/px/YZk1LDF8kZHP83p1KircdLgp7Cmy8=",
      "3BRFOIfgQLEa/+OFePNa0tUcJ8zFZsBqs/pHx9sLkc0=",
      "UkliNyyqm89TLynb2KTkFQGlOaYVoGlV5JRUkrsfkdQ=",
      "2WSEX8JtcLhpmSUjkuJ0HpaAJb7wdmVCUWIEI+br+7o=",
      "ooO93kW0DHvcba+WnwCpShu8NcSNlf5Rkr65uJcqNa0=",
      "mv6F+CDTppcx1uQDvpg3oen870daEH8Tgll6NwQjiVY=",
      "41adkMgvGJ3hG8sBjzbUYzCno1JBjd2YWkNyUSbpxUY=",
      "qFnX2kQ6gSuHUl/H6GXj354iaI+gyeCukrdcgVoxx8Q=",
      "yq/J88aYO1lMWMX1ZTDySrmKVwdkF7xAdxUQyJzBmTE="
  );

  @Test
  void everySampleHashesAsFlytekitHashesIt() {
    List<Literal> samples = HashSamples.all();
    assertEquals(FLYTEKIT_HASHES.size(), samples.size());
    for (int i = 0; i < samples.size(); i++) {
      assertEquals(FLYTEKIT_HASHES.get(i), ProtobufJsonHash.of(samples.get(i)), "sample " + i + ": "
          + ProtobufJsonHash.json(samples.get(i)).substring(0, Math.min(200, ProtobufJsonHash.json(samples.get(i)).length())));
    }
  }

  @Test
  void theJsonIsMessageToDictsWithSortedKeysAndNoSpaces() {
    assertEquals("{\"scalar\":{\"primitive\":{\"integer\":\"42\"}}}", ProtobufJsonHash.json(HashSamples.all().get(0)));
    assertEquals("{\"scalar\":{\"generic\":{\"Beta\":null,\"alpha\":\"a\\u00e9\",\"list\":[false,0.25,{\"x\":-1e-07}],"
        + "\"zeta\":3.0}}}", ProtobufJsonHash.json(HashSamples.all().get(34)));
  }

  @Test
  void floatsArePrintedAsPythonsRepr() {
    assertEquals("1e+16", ProtobufJsonHash.pythonRepr(1e16));
    assertEquals("1000000000000000.0", ProtobufJsonHash.pythonRepr(1e15));
    assertEquals("1e-05", ProtobufJsonHash.pythonRepr(1e-5));
    assertEquals("0.0001", ProtobufJsonHash.pythonRepr(1e-4));
    assertEquals("0.1", ProtobufJsonHash.pythonRepr(0.1));
    assertEquals("5e-324", ProtobufJsonHash.pythonRepr(Double.MIN_VALUE));
    assertEquals("-0.0", ProtobufJsonHash.pythonRepr(-0.0));
  }
}
