package vn.actionmonth.notification.domain;

/** How a notification reaches its unit. Every unit has an INBOX; EMAIL and WEBHOOK are subscriptions. */
public enum ChannelType {
    INBOX, EMAIL, WEBHOOK
}
