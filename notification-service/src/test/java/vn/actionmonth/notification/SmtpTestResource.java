package vn.actionmonth.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A real SMTP server (GreenMail) in the test JVM, on a free port the service is configured with. */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail greenMail;

    public static GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public Map<String, String> start() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        greenMail.start();
        return Map.of(
                "notification.smtp.host", "127.0.0.1",
                "notification.smtp.port", Integer.toString(greenMail.getSmtp().getPort()),
                "notification.smtp.from", "thongbao@thangvihanhdong.gov.vn");
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
