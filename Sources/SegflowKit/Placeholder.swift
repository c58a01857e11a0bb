public enum SegflowKitPlaceholder {}
