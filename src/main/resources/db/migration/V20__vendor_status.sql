-- Operator switches per vendor (io.proofline.vendors.VendorStatus). A vendor without a row is operational.
create table vendor_status (
    vendor     varchar(40) not null primary key,
    state      varchar(20) not null,
    changed_at timestamp   not null
);
